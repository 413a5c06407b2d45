// An API failure as the runtime worded it: its message, code and the details (each with its pointer).
import { ApiRequestError } from '../../api/client.ts';
import { ErrorText } from '../../app/ErrorText.tsx';

export function ApiErrorText({ error }: { error: unknown }) {
  if (!error) return null;
  if (!(error instanceof ApiRequestError))
    return <ErrorText>{String(error instanceof Error ? error.message : error)}</ErrorText>;
  return (
    <div>
      <ErrorText>
        {error.message} ({error.code})
      </ErrorText>
      {error.details.length > 0 ? (
        <ul className="error-details">
          {error.details.slice(0, 20).map((detail) => (
            <li key={`${detail.pointer}-${detail.message}`}>
              {detail.pointer ? <code>{detail.pointer}</code> : null} {detail.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

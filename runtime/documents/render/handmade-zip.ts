// For tests: writes a zip byte by byte, so an entry's header can declare any size, whatever its
// data inflates to. pizzip and yauzl always tell the truth; zip bombs do not.
import { crc32 } from 'node:zlib';

export interface HandmadeEntry {
  name: string;
  /** The bytes stored in the archive: deflated when `deflated`, else as they are. */
  stored: Uint8Array;
  deflated: boolean;
  crc: number;
  /** What the headers declare the entry inflates to. */
  declaredSize: number;
}

export function storedEntry(name: string, content: string): HandmadeEntry {
  const bytes = Buffer.from(content, 'utf8');
  return { name, stored: bytes, deflated: false, crc: crc32(bytes), declaredSize: bytes.length };
}

export function handmadeZip(entries: readonly HandmadeEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    writeCommon(local, 4, entry, name.length);
    locals.push(local, name, Buffer.from(entry.stored));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4); // version made by
    writeCommon(central, 6, entry, name.length);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + entry.stored.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

// The fields the local and the central header share, from "version needed" to the name length.
function writeCommon(header: Buffer, at: number, entry: HandmadeEntry, nameLength: number): void {
  header.writeUInt16LE(20, at); // version needed to extract
  header.writeUInt16LE(0, at + 2); // flags
  header.writeUInt16LE(entry.deflated ? 8 : 0, at + 4);
  header.writeUInt16LE(0, at + 6); // time
  header.writeUInt16LE(0x21, at + 8); // date: 1980-01-01
  header.writeUInt32LE(entry.crc >>> 0, at + 10);
  header.writeUInt32LE(entry.stored.length, at + 14);
  header.writeUInt32LE(entry.declaredSize, at + 18);
  header.writeUInt16LE(nameLength, at + 22);
}

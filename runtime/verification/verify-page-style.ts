// The /verify pages' stylesheet, served as /verify.css so the CSP can forbid inline styles.
export const verifyPageCss = `body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1d2433;background:#f6f7f9}
main{max-width:44rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.5rem}
form{background:#fff;border:1px solid #d5d9e0;border-radius:8px;padding:1rem;margin:1rem 0}
label{display:block;font-weight:600;margin-bottom:.5rem}
button{margin-top:.5rem;padding:.5rem 1.25rem;font:inherit;border:0;border-radius:6px;background:#2450d6;color:#fff}
button:focus,input:focus{outline:3px solid #f2b705;outline-offset:2px}
.hint{color:#5b6475;font-size:.875rem;margin:.25rem 0}
.verdict{padding:.75rem 1rem;border-radius:6px;font-weight:600}
.intact{background:#e3f6e8;color:#11602a}.modified{background:#fde8e8;color:#8c1c13}.unknown{background:#eef0f4}
table{border-collapse:collapse;width:100%;margin:1rem 0;background:#fff}
th,td{text-align:left;padding:.375rem .5rem;border-bottom:1px solid #e3e6eb;vertical-align:top;word-break:break-all}
th{width:40%;font-weight:600;word-break:normal}
`;

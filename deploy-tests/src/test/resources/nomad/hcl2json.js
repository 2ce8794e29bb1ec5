// Parses one HCL2 file with HashiCorp's HCL library (WASM build of hcl2json, npm @cdktf/hcl2json) and prints JSON;
// exits 1 with HCL diagnostics on a syntax error. NODE_PATH must reach the installed package.
const { parse } = require('@cdktf/hcl2json');
const fs = require('fs');
const file = process.argv[2];
parse(file, fs.readFileSync(file, 'utf8')).then(
  (json) => process.stdout.write(JSON.stringify(json)),
  (err) => { process.stderr.write(String(err)); process.exit(1); });

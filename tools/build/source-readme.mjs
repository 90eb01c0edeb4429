// Writes SOURCE-README.md for dist/caveat-source.zip: what addons.mozilla.org asks of an
// add-on with compiled (wasm) code: the sources, the tools and versions that built it, and
// the steps that rebuild the same wasm, with the shipped wasm's SHA-256 to compare against.
// Run by build.sh: node tools/build/source-readme.mjs OUT.md target/wasm-pkg/caveat_bg.wasm
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';

const [out, wasmPath] = process.argv.slice(2);
if (!out || !wasmPath) {
  console.error('usage: node tools/build/source-readme.mjs OUT.md WASM');
  process.exit(2);
}
const version = (command, args = ['--version']) => {
  try {
    return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().split('\n')[0];
  } catch {
    return `(${command} not found)`;
  }
};
const zipVersion = () => {
  try {
    const text = execFileSync('zip', ['-v'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return (text.match(/This is (Zip [^,]*)/) || [])[1] || 'Info-ZIP';
  } catch {
    return '(zip not found)';
  }
};
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const manifest = JSON.parse(readFileSync('extension/manifest.json', 'utf8'));
const bindgen = (readFileSync('Cargo.toml', 'utf8').match(/^wasm-bindgen = "=([0-9.]+)"/m) || [])[1] || '?';
const os = (() => {
  try {
    return (readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m) || [])[1] || process.platform;
  } catch {
    return process.platform;
  }
})();
let commit = '';
try {
  commit = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch {}

writeFileSync(out, `# Caveat ${manifest.version}: sources and how to rebuild them

This archive holds the complete sources of the Caveat browser extension${commit ? ` (git commit ${commit})` : ''}.
Everything in the extension is plain, unminified JavaScript, HTML and CSS as written (\`extension/\`), except
\`pkg/caveat_bg.wasm\` and its generated glue \`pkg/caveat.js\`, which are compiled from the Rust crate in \`src/\`
(\`Cargo.toml\`, \`Cargo.lock\`, \`build.rs\`; the word lists and model weights it embeds are the text files
under \`src/text/lexicon/\`, \`src/text/language/\` and \`src/model/\`).

## Build environment used for this release

| tool | version |
| --- | --- |
| operating system | ${os} |
| rustc (with the wasm32-unknown-unknown target, from rustup) | ${version('rustc')} |
| cargo | ${version('cargo')} |
| wasm-bindgen-cli (pinned in Cargo.toml) | ${bindgen} |
| wasm-opt (binaryen) | ${version('wasm-opt')} |
| Node.js / npm | ${version('node')} / ${version('npm')} |
| zip | ${zipVersion()} |

The crate's dependencies are pinned by \`Cargo.lock\` and fetched from crates.io; the npm packages
(\`package-lock.json\`) are only build and test tooling and none of them ships in the extension.

## Rebuilding

On the system above (or another Linux with the same tools), with Rust installed through rustup, from the
folder this archive unpacks to:

\`\`\`
./build.sh
\`\`\`

It installs what is missing (the wasm target, wasm-bindgen-cli ${bindgen}, binaryen, zip, the npm tooling),
then:

1. \`cargo build --lib --profile wasm-release --target wasm32-unknown-unknown\` (opt-level "z", LTO; \`build.rs\`
   builds the word lists' tables);
2. \`wasm-opt -Oz --converge --detect-features\` on the result;
3. \`wasm-bindgen --target web --no-typescript --remove-producers-section --out-dir target/wasm-pkg\`;
4. copies \`extension/\` with \`target/wasm-pkg/caveat.js\` and \`caveat_bg.wasm\` into \`dist/firefox/pkg/\` and writes
   the Firefox manifest (\`tools/build/manifest.mjs firefox\`), then zips \`dist/firefox\` as \`dist/caveat-firefox.zip\`.

\`target/wasm-pkg/caveat_bg.wasm\` (= \`pkg/caveat_bg.wasm\` in the package) should then have this SHA-256:

\`\`\`
${sha256(wasmPath)}  caveat_bg.wasm
\`\`\`

The same compiler and wasm-opt versions give the same bytes, built with Cargo's home at
\`${process.env.CARGO_HOME || `${process.env.HOME}/.cargo`}\` as here (the path of the dependencies' sources
appears in their panic messages); another rustc or binaryen release, or another path, may compile the
same sources to a different but equivalent module.
`);

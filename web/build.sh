#!/usr/bin/env bash
# Builds Backlot's web version into a folder that any static web server can serve:
# index.html, backlot.js + backlot_bg.wasm (wasm-bindgen --target web) and assets/shaders/.
#
#   bash web/build.sh [--profile web|web-test] [--out DIR] [--no-opt]
#
#   --profile  Cargo profile: `web` (default) is the small, slow-to-build one that ships;
#              `web-test` builds fast for the browser test.
#   --out      output folder (default: dist/ at the repository root)
#   --no-opt   skip wasm-opt (faster; the download is bigger)
#
# Needs: rustup's wasm32-unknown-unknown target, wasm-bindgen-cli at the version in Cargo.lock,
# and npm (wasm-opt comes from the `binaryen` package in web/package.json).
set -euo pipefail

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }

profile=web
out=
opt=1
while [ $# -gt 0 ]; do
    case "$1" in
        --profile) profile=${2:?--profile needs a value}; shift 2 ;;
        --out) out=${2:?--out needs a value}; shift 2 ;;
        --no-opt) opt=0; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "build.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done

# --out is relative to where the script was called from; everything else to the repo root.
[ -n "$out" ] && out=$(realpath -m -- "$out")
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
out=${out:-$root/dist}

# 1. Tools. wasm-bindgen's CLI must match the wasm-bindgen crate exactly, or the glue it writes
#    does not fit the wasm. Report every missing piece at once.
bindgen_want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
[ -n "$bindgen_want" ] || { echo "build.sh: no wasm-bindgen package in Cargo.lock" >&2; exit 1; }
bindgen_have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
missing=()
if [ "$bindgen_have" != "$bindgen_want" ]; then
    echo "build.sh: need wasm-bindgen $bindgen_want, found ${bindgen_have:-none}" >&2
    missing+=("cargo install wasm-bindgen-cli --version $bindgen_want")
fi
if command -v rustup >/dev/null; then
    has_target=$(rustup target list --installed | grep -cx wasm32-unknown-unknown || true)
else  # a Rust without rustup: look in the sysroot
    has_target=$(test -d "$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown" && echo 1 || echo 0)
fi
if [ "$has_target" = 0 ]; then
    echo "build.sh: the wasm32-unknown-unknown target is not installed" >&2
    missing+=("rustup target add wasm32-unknown-unknown")
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "Install what is missing, then run this again:" >&2
    printf '    %s\n' "${missing[@]}" >&2
    exit 1
fi

# 2. wasm-opt, from npm (the binaryen package), pinned by web/package-lock.json.
wasm_opt=web/node_modules/.bin/wasm-opt
if [ "$opt" = 1 ] && [ ! -x "$wasm_opt" ]; then
    npm ci --prefix web --no-audit --no-fund
fi

# 3. Compile. The target folder is wherever cargo puts it (CARGO_TARGET_DIR or the workspace's).
cargo build --locked --profile "$profile" --target wasm32-unknown-unknown --bin backlot
target_dir=${CARGO_TARGET_DIR:-$(cargo metadata --format-version 1 --no-deps \
    | node -e 'let s = ""; process.stdin.on("data", d => s += d).on("end", () => console.log(JSON.parse(s).target_directory))')}
wasm=$(realpath -- "$target_dir")/wasm32-unknown-unknown/$profile/backlot.wasm

# Remove only what an earlier build wrote, never the folder itself (--out may point anywhere).
mkdir -p "$out"
rm -rf "$out/index.html" "$out/backlot.js" "$out/backlot_bg.wasm" "$out/snippets" "$out/assets/shaders"

# 4. The JS glue and the wasm it fits.
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name backlot "$wasm"

# 5. Shrink. -Oz: on a 10 MB wasm it gave 7% fewer bytes than -Os (2.5% gzipped) in the same
#    time. The features are those rustc enables by default for wasm32-unknown-unknown;
#    wasm-opt must know them to read the file, and gets no others (no --all-features), so it
#    cannot emit anything older browsers lack.
if [ "$opt" = 1 ]; then
    start=$SECONDS
    "$wasm_opt" -Oz \
        --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
        --enable-mutable-globals --enable-reference-types --enable-multivalue \
        "$out/backlot_bg.wasm" -o "$out/backlot_bg.wasm"
    echo "wasm-opt -Oz took $((SECONDS - start)) s"
fi

# 6. The page, and the shaders Bevy's asset server fetches relative to it.
cp web/index.html "$out/index.html"
mkdir -p "$out/assets"
cp -R assets/shaders "$out/assets/shaders"

# 7. What the page downloads, raw and as a gzip -9 server would send it.
echo
echo "$out ($profile):"
total=0
total_gz=0
while IFS= read -r file; do
    raw=$(stat -c %s "$file")
    gz=$(gzip -9c "$file" | wc -c)
    total=$((total + raw))
    total_gz=$((total_gz + gz))
    printf '  %12d %12d  %s\n' "$raw" "$gz" "${file#"$out"/}"
done < <(find "$out" -type f | sort)
printf '  %12s %12s\n' "bytes" "gzip -9"
awk -v r="$total" -v g="$total_gz" \
    'BEGIN { printf "  %12d %12d  total: %.1f MB, %.1f MB gzipped\n", r, g, r / 1e6, g / 1e6 }'

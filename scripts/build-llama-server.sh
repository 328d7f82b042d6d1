#!/usr/bin/env sh
# Build llama.cpp's llama-server (the inference server municipalities run on their GPU or CPU servers) from the
# llama.cpp sources vendored in the llama-cpp-python sdist of the same version, with the instruction sets of
# build-llama-wheel.sh (AMX off). Only for benchmarks (python -m evaluation.inference_benchmark --llama-server);
# the product and its tests do not need it. Kept in a cache outside the project; prints the binary's path.
set -eu
VERSION="${LLAMA_CPP_VERSION:-0.3.36}"
BIN="${1:-.venv/bin}"
flags="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"
flags="$flags -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/verwaltungsassistent/llama-server-$VERSION"
if [ ! -x "$cache/bin/llama-server" ]; then
  echo "Building llama-server $VERSION (once, several minutes) ..." >&2
  work="$(mktemp -d)"
  "$BIN/pip" download -q --no-deps --no-binary :all: -d "$work" "llama-cpp-python==$VERSION" >&2
  tar -xzf "$work"/llama_cpp_python-*.tar.gz -C "$work"
  [ -x "$BIN/cmake" ] || "$BIN/pip" install -q cmake >&2
  # shellcheck disable=SC2086
  "$BIN/cmake" -S "$work"/llama_cpp_python-*/vendor/llama.cpp -B "$work/build" -DCMAKE_BUILD_TYPE=Release \
    -DLLAMA_CURL=OFF -DLLAMA_BUILD_SERVER=ON -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF \
    -DBUILD_SHARED_LIBS=OFF $flags >&2
  "$BIN/cmake" --build "$work/build" --target llama-server -j "$(nproc)" >&2
  mkdir -p "$cache/bin"
  cp "$work/build/bin/llama-server" "$cache/bin/"
  rm -rf "$work"
fi
echo "$cache/bin/llama-server"

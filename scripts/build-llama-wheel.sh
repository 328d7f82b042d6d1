#!/usr/bin/env sh
# Build llama-cpp-python once for this CPU and keep the wheel in a cache outside the project.
# Why not pip's own build: with -march=native llama.cpp compiles its AMX code path on CPUs that report AMX,
# and that path crashes (SIGILL in ggml_backend_amx_mul_mat) on the virtual machines seen here. So the
# instruction sets are chosen explicitly, AMX off. Prints the path of the wheel.
set -eu
VERSION="${LLAMA_CPP_VERSION:-0.3.36}"
PIP="${1:-.venv/bin/pip}"
flags="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"
flags="$flags -DGGML_AMX_TILE=OFF -DGGML_AMX_INT8=OFF -DGGML_AMX_BF16=OFF"
cpu_has() { grep -qw "$1" /proc/cpuinfo; }
cpu_has avx_vnni && flags="$flags -DGGML_AVX_VNNI=ON"
if cpu_has avx512f && cpu_has avx512bw && cpu_has avx512vl; then
  flags="$flags -DGGML_AVX512=ON"
  cpu_has avx512vbmi && flags="$flags -DGGML_AVX512_VBMI=ON"
  cpu_has avx512_vnni && flags="$flags -DGGML_AVX512_VNNI=ON"
  cpu_has avx512_bf16 && flags="$flags -DGGML_AVX512_BF16=ON"
fi
key=$(printf '%s %s' "$VERSION" "$flags" | sha256sum | cut -c1-12)
cache="${XDG_CACHE_HOME:-$HOME/.cache}/verwaltungsassistent/llama-cpp-python-$VERSION-$key"
if ! ls "$cache"/*.whl >/dev/null 2>&1; then
  echo "Building llama-cpp-python $VERSION for this CPU (once, about 10 minutes) ..." >&2
  mkdir -p "$cache"
  CMAKE_ARGS="$flags" CMAKE_BUILD_PARALLEL_LEVEL="$(nproc)" \
    "$PIP" wheel -q --no-deps --no-cache-dir --no-binary llama-cpp-python -w "$cache" "llama-cpp-python==$VERSION" >&2
fi
ls "$cache"/*.whl | head -n 1

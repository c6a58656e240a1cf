# Shared by the bench scripts: one line naming the CPU and the flags that change the figures
# (int8 model kernels use VNNI when present), printed before every measurement.
cpu_summary() {
  local has
  has() { grep -qw "$1" /proc/cpuinfo && echo yes || echo no; }
  echo "cpu: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; avx512_vnni: $(has avx512_vnni), avx_vnni: $(has avx_vnni), avx2: $(has avx2)"
}

#!/bin/sh
# Installs the comparators of the side-by-side benches from Debian's archive (run as root, once):
#   snakemake 7.21 (planning, local execution), GNU parallel (local execution), hyperfine (for
#   reproducing single figures by hand), and the Python packages nlpaug 2.0.0 needs on Debian's
#   python3 (numpy, pandas, nltk). nlpaug itself is not installed: the benches run the copy in
#   ../shared/peers/nlpaug (or $BENCH_NLPAUG_DIR) with PYTHONPATH. Nothing comes from PyPI.
# `npm run bench` says which comparators are missing; it never installs anything itself.
set -eu
if [ "$(id -u)" -ne 0 ]; then
  echo "bench/setup.sh: run as root (it calls apt-get)" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends \
  snakemake parallel hyperfine python3-numpy python3-pandas python3-nltk

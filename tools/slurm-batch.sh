#!/usr/bin/env bash
# A Slurm job array over a corpus: each array task takes one shard of the inputs with
# `callscope batch --shard K/N` (by path hash: no driver, no shared list, every task agrees),
# writes its own SQLite database and JSONL, and can be resubmitted after a failure or a
# time-out: `batch --db` skips the calls its database already holds.
#
#   sbatch --array=0-31 tools/slurm-batch.sh OUT_DIR INPUTS...
#   # when every task is done, one database and one JSONL:
#   tools/dask-batch merge OUT_DIR/calls.sqlite OUT_DIR/shard-*.sqlite
#   cat OUT_DIR/shard-*.jsonl > OUT_DIR/calls.jsonl
#
# Inputs are anything `callscope batch` takes (directories, globs, @list); spell them the same
# way in every task (relative to the submit directory), since the shard is a hash of the path.
# The JSONL of a shard is rewritten whole by a resubmitted task; the database is resumed.
# Exit status: that of callscope batch (1 when some inputs failed: see the errors table).
#SBATCH --job-name=callscope
#SBATCH --cpus-per-task=8
#SBATCH --mem=2G
#SBATCH --time=02:00:00
#SBATCH --output=slurm-%A_%a.log
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: sbatch --array=0-N tools/slurm-batch.sh OUT_DIR INPUTS..." >&2; exit 2; }
out=$1; shift
: "${SLURM_ARRAY_TASK_ID:?run under sbatch --array (or set SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT)}"
k=$SLURM_ARRAY_TASK_ID
n=${SLURM_ARRAY_TASK_COUNT:-$((SLURM_ARRAY_TASK_MAX + 1))}
[ "${SLURM_ARRAY_TASK_MIN:-0}" = 0 ] || { echo "slurm-batch: use --array=0-$((n - 1)) (shards count from 0)" >&2; exit 2; }
CALLSCOPE=${CALLSCOPE:-callscope}
mkdir -p "$out"
id=$(printf '%04d' "$k")
# One pass for the database (resumable), JSONL written alongside it only on a fresh shard.
if [ -s "$out/shard-$id.jsonl" ]; then
  exec "$CALLSCOPE" batch --shard "$k/$n" --jobs "${SLURM_CPUS_PER_TASK:-0}" --db "$out/shard-$id.sqlite" "$@"
fi
exec "$CALLSCOPE" batch --shard "$k/$n" --jobs "${SLURM_CPUS_PER_TASK:-0}" \
  --db "$out/shard-$id.sqlite" --jsonl "$out/shard-$id.jsonl" "$@"

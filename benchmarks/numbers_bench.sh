#!/usr/bin/env bash
# Recall on planted number/date defects and false alarms of the NUM/DATE rules, per corpus.
# usage: bash benchmarks/numbers_bench.sh [OUT_DIR]   (default /tmp/numbers-bench; needs ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/numbers-bench}
shared=../shared
transqa=${TRANSQA:-transqa}
for name in newstest2017 newstest2018 newstest2019 tico19; do
  case $name in
    tico19) src=$shared/data/tico19/tico19-test.zh; tgt=$shared/data/tico19/tico19-test.en ;;
    *) src=$shared/data/newstest/$name.zh-en.zh; tgt=$shared/data/newstest/$name.zh-en.en ;;
  esac
  dir=$out/$name
  python3 $shared/tools/inject.py "$src" "$tgt" "$dir" > /dev/null
  for v in clean injected; do
    $transqa check "$dir/src.zh" "$dir/$v.en" --select NUM --select DATE --format json > "$dir/$v.json" || true
  done
  echo "== $name"
  python3 $shared/tools/score_bench.py "$dir" "$dir/clean.json" "$dir/injected.json" | python3 -c '
import json, sys
d = json.load(sys.stdin)
print({k: d["per_kind"][k] for k in ("num_change", "num_drop", "date_change")},
      "false_alarm_major", d["false_alarm_major"])'
done

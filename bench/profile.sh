#!/usr/bin/env bash
# Sampling profile of one java run with JFR (execution samples every 10 ms).
#
#   bench/profile.sh JAVA_ARGS...     e.g. bench/profile.sh -Xmx256m -jar target/kerasview.jar inspect --json F
#   THREAD=JavaFX bench/profile.sh ... counts only samples of threads whose name contains THREAD
#
# Prints the hottest top frames, the hottest first kerasview frames (where in our code the time
# is spent, whatever library is below), GC and allocation totals. The recording stays in
# $SCRATCH/profile.jfr for `jfr print`.
set -euo pipefail
SCRATCH="${SCRATCH:-/work/bench-scratch}"
mkdir -p "$SCRATCH"
REC="$SCRATCH/profile.jfr"
rm -f "$REC"
java -XX:StartFlightRecording=filename="$REC",settings=profile,dumponexit=true "$@" > /dev/null
jfr print --events jdk.ExecutionSample "$REC" | /usr/bin/python3 -c '
import collections, os, re, sys
top, ours, thread = collections.Counter(), collections.Counter(), collections.Counter()
n = 0
stack, inside, th = [], False, ""
for line in sys.stdin:
    s = line.strip()
    if s.startswith("sampledThread"):
        th = s.split("=", 1)[1].strip().split(" (")[0]
    if s == "stackTrace = [":
        inside, stack = True, []
        continue
    if inside:
        if s.startswith("]") :
            inside = False
            if stack and os.environ.get("THREAD", "") in th:
                n += 1
                thread[th] += 1
                top[stack[0]] += 1
                k = next((f for f in stack if f.startswith("dev.kerasview")), None)
                if k:
                    ours[k] += 1
            continue
        if s != "...":
            stack.append(re.sub(r"\s+line:.*", "", s))
print(f"{n} execution samples")
for title, c in (("threads", thread), ("top frames", top), ("first kerasview frame", ours)):
    print(f"-- {title}")
    for k, v in c.most_common(int(os.environ.get("TOP", "12"))):
        print(f"{v:6d} {100 * v / max(n, 1):5.1f}%  {k}")
'
echo "-- GC"
jfr print --events jdk.GarbageCollection "$REC" | grep -c "jdk.GarbageCollection" | sed 's/^/collections: /'
jfr summary "$REC" | grep -E "ObjectAllocationSample|ExecutionSample|GarbageCollection " || true

# make bench: every figure behind DESIGN's budgets, one table. BUILD is a
# RelWithDebInfo build holding schouders, tests/bench and tests/bench_minimal.
set -u
BUILD=${1:?usage: run.sh BUILD_DIR}
SRC=$(cd "$(dirname "$0")/../.." && pwd)
APP="$BUILD/schouders"
BENCH="$BUILD/tests/bench"
MINIMAL="$BUILD/tests/bench_minimal"
TMP=$(mktemp -d /tmp/schouders-bench-XXXXXX)
trap 'rm -rf "$TMP"; [ -n "${XPID:-}" ] && kill "$XPID" 2>/dev/null' EXIT
export SCHOUDERS_LAYOUTS="$SRC/layouts" SCHOUDERS_ASSETS="$SRC/assets" SCHOUDERS_LOCALEDIR="$BUILD/locale" SDL_AUDIODRIVER=dummy

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
maxof() { sort -n | tail -1; }

# 1. Start to first frame, the real binary on a database with the demo meeting, beside
#    the least SDL2 program; the offscreen driver, 1920x1080, 11 runs each, medians.
printf 'tap @pin.key.1\ntap @pin.key.2\ntap @pin.key.3\ntap @pin.key.4\ntap @pin.ok\ntap @pin.key.1\ntap @pin.key.2\ntap @pin.key.3\ntap @pin.key.4\ntap @pin.ok\nquit\n' > "$TMP/pin.script"
SDL_VIDEODRIVER=offscreen "$APP" --windowed --size 1920x1080 --db "$TMP/demo.db" --demo --script "$TMP/pin.script" >/dev/null 2>&1
for i in $(seq 11); do
  SDL_VIDEODRIVER=offscreen SCHOUDERS_FIRST_FRAME_EXIT=1 "$MINIMAL" --time "$APP" --windowed --size 1920x1080 --db "$TMP/demo.db"
done > "$TMP/app_start"
for i in $(seq 11); do SDL_VIDEODRIVER=offscreen "$MINIMAL" --time "$MINIMAL"; done > "$TMP/sdl_start"
app_ms=$(median < "$TMP/app_start"); sdl_ms=$(median < "$TMP/sdl_start")
app_max=$(maxof < "$TMP/app_start"); sdl_max=$(maxof < "$TMP/sdl_start")

# 2. Frames, commits, opening a big meeting, memory, the text caches: in one process.
SDL_VIDEODRIVER=offscreen "$BENCH" "$SRC/layouts" "$TMP" > "$TMP/inproc" || { echo "bench: the measuring program failed"; exit 1; }
fig() { awk -v k="$1" '$1 == k {print $2, $3}' "$TMP/inproc"; }

# 2b. Resident memory of the app itself, peak, on the meeting with 2,000 notes, 200
#     goals and 100 decisions, a note dragged on its Drieluik.
# The drag grabs a real note (two hung ones: the first onto the second), so the drag
# layer is made and counted. The bench left the meeting on screen, so the app starts in it.
set -- $(sqlite3 "$TMP/big.db" "SELECT id FROM notes WHERE hung_at IS NOT NULL AND col='left' ORDER BY id LIMIT 2" 2>/dev/null)
printf 'drag @drieluik.note.%s @drieluik.note.%s\nwait 2500\nquit\n' "${1:-1}" "${2:-2}" > "$TMP/rss.script"
SDL_VIDEODRIVER=offscreen "$APP" --windowed --size 1920x1080 --db "$TMP/big.db" --script "$TMP/rss.script" >/dev/null 2>&1 &
pid=$!
sleep 2.2
rss_mb=$(awk '/VmHWM/ {printf "%.1f", $2 / 1024}' /proc/$pid/status 2>/dev/null)
wait $pid

# 3. Idle: ten seconds with the timer running and nothing touched, on a real X server
#    (SDL's offscreen driver cannot sleep). CPU ticks of the process over those ten seconds.
idle_pct=""
if command -v Xvfb >/dev/null; then
  d=:$((90 + $$ % 100))
  Xvfb "$d" -screen 0 1920x1080x24 -nolisten tcp >/dev/null 2>&1 &
  XPID=$!
  sleep 1
  printf 'tap @pin.key.1\ntap @pin.key.2\ntap @pin.key.3\ntap @pin.key.4\ntap @pin.ok\ntap @home.meeting.0\ntap @timer.start\nwait 16000\nquit\n' > "$TMP/idle.script"
  DISPLAY=$d SDL_VIDEODRIVER=x11 "$APP" --windowed --size 1920x1080 --db "$TMP/demo.db" --script "$TMP/idle.script" >/dev/null 2>&1 &
  pid=$!
  sleep 4
  t0=$(awk '{print $14 + $15}' /proc/$pid/stat)
  sleep 10
  t1=$(awk '{print $14 + $15}' /proc/$pid/stat)
  wait $pid
  idle_pct=$(awk -v a="$t0" -v b="$t1" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", (b - a) / hz / 10 * 100}')
fi

ok() { awk -v v="$1" -v b="$2" 'BEGIN {print (v + 0 <= b + 0) ? "ok" : "over"}'; }
row() { printf '| %-52s | %10s | %10s | %-22s | %-4s |\n' "$1" "$2" "$3" "$4" "$5"; }
echo
echo "Schouders make bench, $(date -u +%Y-%m-%d), $(nproc) cores, $(awk -F: '/model name/ {print $2; exit}' /proc/cpuinfo | sed 's/^ *//')"
echo
row "figure" "median" "p99 / max" "budget" ""
row "---" "---" "---" "---" "---"
ratio=$(awk -v a="$app_ms" -v b="$sdl_ms" 'BEGIN {printf "%.2f", a / b}')
row "start to first frame, Schouders (ms)" "$app_ms" "$app_max" "-" ""
row "start to first frame, minimal SDL2 program (ms)" "$sdl_ms" "$sdl_max" "-" ""
row "ratio of the two" "$ratio" "" "<= 3" "$(ok "$ratio" 3)"
row "start to first frame, Schouders (ms)" "$app_ms" "$app_max" "< 150 (DESIGN)" "$(ok "$app_ms" 150)"
set -- $(fig frame_drag_50); row "frame CPU, one note dragged, 50 notes (ms)" "$1" "$2" "p99 < 8" "$(ok "$2" 8)"
set -- $(fig frame_drag_300); row "frame CPU, one note dragged, 300 notes (ms)" "$1" "$2" "p99 < 8" "$(ok "$2" 8)"
set -- $(fig frame_drag4_300); row "frame CPU, four fingers dragging, 300 notes (ms)" "$1" "$2" "p99 < 8" "$(ok "$2" 8)"
set -- $(fig frame_drag_1000); row "frame CPU, one note dragged, 1,000 notes (ms)" "$1" "$2" "p99 < 16" "$(ok "$2" 16)"
set -- $(fig commit); row "committed action, synchronous=FULL (ms)" "$1" "$2" "p99 < 2" "$(ok "$2" 2)"
set -- $(fig frame_with_op_300); row "frame that carries an operation, 300 notes, wall (ms)" "$1" "$2" "p99 < 8" "$(ok "$2" 8)"
set -- $(fig frame_with_op_loaded_300); row "the same, another process writing (dsync) (ms)" "$1" "$2" "p99 < 8" "$(ok "$2" 8)"
set -- $(fig frame_with_op_loaded_cpu_300); row "  its CPU time (ms)" "$1" "$2" "p99 < 8" "$(ok "$2" 8)"
set -- $(fig frame_with_op_loaded_waited_300); row "  of those frames, how many waited (gave up the CPU)" "$1 of $2" "" "0" "$(ok "$1" 0)"
set -- $(fig frame_with_small_op_loaded_300); row "frame that carries +1 minute, disk busy, 300 notes (ms)" "$1" "$2" "p99 < 8" "$(ok "$2" 8)"
set -- $(fig frame_showing_it_loaded_300); row "the frame that shows it, once saved (ms)" "$1" "$2" "p99 < 8" "$(ok "$2" 8)"
set -- $(fig frame_with_op_1000); row "frame that carries an operation, 1,000 notes (ms)" "$1" "$2" "p99 < 16" "$(ok "$2" 16)"
set -- $(fig frame_with_op_loaded_1000); row "the same, another process writing (dsync) (ms)" "$1" "$2" "p99 < 16" "$(ok "$2" 16)"
set -- $(fig frame_with_op_loaded_waited_1000); row "  of those frames, how many waited (gave up the CPU)" "$1 of $2" "" "0" "$(ok "$1" 0)"
set -- $(fig open_big); row "open 2,000 notes, 200 goals, 100 decisions (ms)" "$1" "$2" "< 100" "$(ok "$1" 100)"
row "resident memory, the app, peak, 2,000 notes (MB)" "$rss_mb" "" "< 40" "$(ok "$rss_mb" 40)"
set -- $(fig rss_peak_mb); row "resident memory, the measuring program, peak (MB)" "$1" "" "-" ""
set -- $(fig text_cache_hit); row "text cache hit rate (textures; widths)" "$1" "$2" "-" ""
if [ -n "$idle_pct" ]; then row "idle, timer running, 10 s (% of a core)" "$idle_pct" "" "< 1" "$(ok "$idle_pct" 1)"
else row "idle, timer running, 10 s (% of a core)" "n/a" "" "< 1" "(no Xvfb)"; fi

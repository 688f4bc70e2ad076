# The monkey: EVENTS seeded random touches, drags, long presses, keys and texts
# (invalid UTF-8, emoji, 10,000-character pastes) through the normal event loop of
# the sanitizer build, from Home through every screen it finds: no crash, no
# sanitizer report, no leak. 10,000 in make test, 100,000 in make soak; the seed
# is printed so a failure can be replayed.
. "$(dirname "$0")/../ui/lib.sh"
EVENTS=${EVENTS:-10000}
SEED=${SEED:-$(date +%s)}
db="$TMP/monkey.db"
# A PIN too long to be guessed by chance, the demo meeting and a Drieluik meeting.
script setup <<EOS
$(pin_new 73194628)
tap @home.new
tap @new.title
type "Familie Aap"
tap @new.template.drieluik-bijeenkomst
tap @new.name
type "Noor"
tap @new.add
tap @new.save
tap @phase.next
quit
EOS
check "the monkey's meetings are set up" app --db "$db" --demo --script "$TMP/setup.script"
echo "monkey: seed $SEED, $EVENTS events (SEED=$SEED to replay)"
SDL_VIDEODRIVER=offscreen timeout 600 "$SCHOUDERS" --windowed --size 1920x1080 --db "$db" --monkey "$SEED:$EVENTS" 2> "$TMP/err"
status=$?
sent=$(awk '/monkey done|monkey stopped/ {for (i = 1; i <= NF; i++) if ($i == "events") print $(i - 1)}' "$TMP/err" | tail -1)
reports=$(grep -cE "ERROR: (AddressSanitizer|LeakSanitizer)|runtime error" "$TMP/err")
check "the app came through (exit $status)" test "$status" = 0
check "no sanitizer report or leak ($reports)" test "$reports" = 0
check "every event was sent (${sent:-0} of $EVENTS)" test "${sent:-0}" = "$EVENTS"
check "the database is whole after it" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
[ "$FAILED" = 0 ] || tail -30 "$TMP/err" >&2
echo "monkey: events sent ${sent:-0}, sanitizer reports $reports, seed $SEED"
finish

# Kill -9 at random moments while a family writes post-its and the facilitator
# adds minutes; after every restart each action the app acknowledged (on fd 3,
# only after its COMMIT returned) must be in the file, the file must pass
# integrity_check and foreign_key_check, and the phase and its timer must be
# where they were. KILLS kills (20 in make test, 500 in make soak); SEED replays.
# Odd kills fall at a random moment from start (start-up and recovery included);
# even ones at a random moment after the app acknowledged something new, so every
# round has work to lose however slow the machine. What counts is that every
# acknowledged action survives, not how many there were.
. "$(dirname "$0")/../ui/lib.sh"
KILLS=${KILLS:-20}
SEED=${SEED:-$(date +%s)}
echo "kill suite: $KILLS kills, seed $SEED (SEED=$SEED to replay)"
RANDOM=$SEED
db="$TMP/kill.db"
script setup <<EOS
$(pin_new 2580)
tap @home.new
tap @new.title
type "Familie Kok"
tap @new.template.drieluik-bijeenkomst
tap @new.name
type "Sanne"
tap @new.add
type "Mark"
tap @new.role.ouder
tap @new.add
tap @new.save
tap @phase.next
quit
EOS
check "the meeting is set up" app --db "$db" --script "$TMP/setup.script"
started=$(sqlite3 "$db" "SELECT started_at FROM phases WHERE seq=1")
{ for i in $(seq 200); do # each start comes back in the meeting by itself
    echo "tap @meeting.chip.$((i % 2))"; echo "tap @tray.write"; echo "type \"briefje $i\""; echo "tap @note.save"; echo "tap @tray.close"
    [ $((i % 3)) = 0 ] && echo "tap @timer.plus1"
  done
  echo "quit"; } > "$TMP/work.script"
: > "$TMP/acks"
survived=0 checked=0
for k in $(seq "$KILLS"); do
  # The app acknowledges on fd 3; the harness keeps every line.
  # exec: $! is the app itself, so the kill reaches it and nothing runs on behind it.
  ( exec env SDL_VIDEODRIVER=offscreen SCHOUDERS_ACK_FD=3 "$SCHOUDERS" --windowed --size 1920x1080 --db "$db" \
      --script "$TMP/work.script" 3>>"$TMP/acks" 2>/dev/null ) &
  pid=$!
  if [ $((k % 2)) = 1 ]; then
    sleep "$(awk -v r=$RANDOM 'BEGIN {printf "%.2f", 0.2 + r / 32768 * 2.8}')"
  else
    before=$(wc -l < "$TMP/acks")
    for _ in $(seq 1200); do # up to a minute for the first new acknowledgement
      [ "$(wc -l < "$TMP/acks")" -gt "$before" ] && break
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.05
    done
    sleep "$(awk -v r=$RANDOM 'BEGIN {printf "%.2f", r / 32768 * 1.5}')"
  fi
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  # Every acknowledged post-it is there; so are the acknowledged minutes.
  ids=$(awk '$2 == "note_add" {print $4}' "$TMP/acks" | sort -u | paste -sd, -)
  n_acked=$(awk '$2 == "note_add"' "$TMP/acks" | sort -u | wc -l)
  n_there=$(sqlite3 "$db" "SELECT count(*) FROM notes WHERE id IN (${ids:-0})")
  extra_acked=$(awk '$2 == "phase_extra"' "$TMP/acks" | wc -l)
  extra=$(sqlite3 "$db" "SELECT extra_ms / 60000 FROM phases WHERE seq=1")
  integrity=$(sqlite3 "$db" "PRAGMA integrity_check")
  fk=$(sqlite3 "$db" "PRAGMA foreign_key_check")
  phase=$(sqlite3 "$db" "SELECT current_phase || ' ' || started_at FROM meetings m JOIN phases p ON p.meeting = m.id AND p.seq = m.current_phase")
  if [ "$n_there" = "$n_acked" ] && [ "$extra" -ge "$extra_acked" ] && [ "$integrity" = ok ] && [ -z "$fk" ] && [ "$phase" = "1 $started" ]; then
    survived=$((survived + 1))
  else
    fail "kill $k: acked notes $n_acked, found $n_there; minutes acked $extra_acked, stored $extra; integrity '$integrity'; fk '$fk'; phase '$phase' (want '1 $started')"
  fi
done
checked=$(sort -u "$TMP/acks" | wc -l)
check "every kill survived ($survived of $KILLS)" test "$survived" = "$KILLS"
check "actions were acknowledged and checked ($checked)" test "$checked" -gt 0
echo "kills survived: $survived of $KILLS; acknowledged actions checked after every kill: $checked"
finish

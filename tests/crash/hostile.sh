# Hostile values in every column a file can hold (a database edited by hand, or by
# someone who wants the kiosk to fall over): numbers at both ends of int64, huge and
# negative reals, 10 MB texts, invalid UTF-8, 20,000 combining marks, broken ink,
# references to nothing. The file stays valid (its CHECK constraints hold), so the
# app and export take it. Whatever they do with it, they never crash or hit
# undefined behaviour (the sanitizer build, float-cast-overflow included): export
# gives JSON, a PDF and every board's picture, or a message; the app opens it, goes
# through its screens and quits. A file that breaks a CHECK constraint is damaged:
# export refuses it as the app does.
. "$(dirname "$0")/../ui/lib.sh"
sanitizer_clean() { ! grep -qE 'runtime error|AddressSanitizer|LeakSanitizer|SUMMARY:' "$1"; }

# Three real meetings to spoil: the demo's whole plan, a goals board, a Drieluik.
for name in plan doelen drieluik; do
  script "$name" < "$SRC/tests/scenarios/$name.script"
  args=$(sed -n 's/^# app: //p' "$SRC/tests/scenarios/$name.script")
  # shellcheck disable=SC2086
  check "$name: the meeting is made" app --db "$TMP/$name.db" $args --script "$TMP/$name.script"
done

huge=9223372036854775807
spoil() {
  sqlite3 "$1" <<SQL
PRAGMA foreign_keys=OFF;
UPDATE actions SET goal=$huge WHERE goal=(SELECT min(id) FROM goals);
UPDATE goals SET id=$huge WHERE id=(SELECT min(id) FROM goals);
UPDATE decision_who SET decision=$huge - 1 WHERE decision=(SELECT min(id) FROM decisions);
UPDATE decisions SET id=$huge - 1 WHERE id=(SELECT min(id) FROM decisions);
UPDATE meetings SET current_phase=-1, drieluik_step=-7, plan_version=$huge, created_at=-$huge, plan_fixed_at=$huge,
  pros_write=-3, title=replace(hex(zeroblob(5000000)), '0', 'T') || CAST(x'ff' AS TEXT);
UPDATE phases SET started_at=-$huge, paused_ms=$huge, extra_ms=-$huge, paused_at=$huge, planned_minutes=-2147483648,
  title_nl=replace(hex(zeroblob(20000)), '00', char(0x301)), prompts=CAST(x'c3' AS TEXT) WHERE seq=0;
UPDATE phases SET started_at=$huge, planned_minutes=2147483647, extra_ms=$huge, ended_at=-1 WHERE seq=1;
UPDATE participants SET colour=-1, seq=-5, supports=999999, present=-8;
UPDATE participants SET name=CAST(x'ff41fe' AS TEXT) || replace(hex(zeroblob(20000)), '00', char(0x301)) WHERE id=1;
UPDATE people SET relation=replace(hex(zeroblob(100000)), '0', 'r'), participant=12345;
UPDATE notes SET x=1e308, y=-1e308, ink=randomblob(5000), hung_at=-$huge, grp=999, author=-1,
  text=replace(hex(zeroblob(20000)), '00', char(0x301)), prompt=CAST(x'80' AS TEXT), mark=-2;
UPDATE groups SET theme=replace(hex(zeroblob(5000000)), '0', 'g'), mark=$huge;
UPDATE goals SET x=1e308, y=-1e308, evaluation_date='99999999999-99-99', owner=-1, imposed=-5,
  support=replace(hex(zeroblob(50000)), '0', ','), text=CAST(x'f0908080' AS TEXT);
UPDATE actions SET from_date='1-1-1', to_date=CAST(x'ff' AS TEXT), who=-$huge, done=$huge;
UPDATE decisions SET due='2026-13-45', what=replace(hex(zeroblob(5000000)), '0', 'w'), goal=-1, final=1;
UPDATE decision_who SET person=person + 1000;
UPDATE consents SET at=$huge, remark=replace(hex(zeroblob(20000)), '00', char(0x301)), plan_version=-1;
UPDATE vip_entries SET ink=randomblob(100), note=CAST(x'ffff' AS TEXT), picked_at=-1, shared=$huge;
UPDATE bodemeisen SET by=-1, text=replace(hex(zeroblob(5000000)), '0', 'b');
INSERT OR REPLACE INTO settings VALUES('open_meeting', '1'), ('chime', CAST(x'ff' AS TEXT));
INSERT OR REPLACE INTO plan_versions VALUES(1, 7, -$huge, 'not json {');
SQL
}
for name in plan doelen drieluik; do
  db="$TMP/$name.db"
  spoil "$db" 2> "$TMP/$name.spoil.err"
  check "$name: the spoiled file is still whole for SQLite" test "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok
  for f in json pdf png; do
    timeout 300 "$SCHOUDERS" export --db "$db" --meeting 1 --format "$f" --out "$TMP/$name.$f" 2> "$TMP/$name.$f.err"
    rc=$?
    check "$name: export $f ends with a result or a message (status $rc)" test "$rc" -le 1
    check "$name: export $f hits no undefined behaviour" sanitizer_clean "$TMP/$name.$f.err"
  done
  check "$name: the JSON it gave is JSON" jq -e . "$TMP/$name.json" > /dev/null
  for b in drieluik doelen besluiten vip; do
    timeout 300 "$SCHOUDERS" export --db "$db" --meeting 1 --format png --board "$b" --size 800x1280 --out "$TMP/$name.$b.png" \
      2> "$TMP/$name.$b.err"
    rc=$?
    check "$name: the $b picture, or a message (status $rc)" test "$rc" -le 1
    check "$name: the $b picture hits no undefined behaviour" sanitizer_clean "$TMP/$name.$b.err"
  done
  # The app: it starts on the file (in the spoiled meeting: open_meeting is 1) and a
  # monkey goes through every screen it finds.
  SDL_VIDEODRIVER=offscreen timeout 300 "$SCHOUDERS" --windowed --size 1280x800 --db "$db" --monkey 20261201:1500 \
    2> "$TMP/$name.app.err"
  rc=$?
  check "$name: the app runs on the spoiled file and stops by itself (status $rc)" test "$rc" -eq 0
  check "$name: the app hits no undefined behaviour" sanitizer_clean "$TMP/$name.app.err"
done

# A CHECK constraint broken: damaged, for export as for the app, which says so.
sqlite3 "$TMP/doelen.db" ".backup '$TMP/checkbroken.db'"
sqlite3 "$TMP/checkbroken.db" "PRAGMA ignore_check_constraints=1; UPDATE goals SET term='eeuwig';"
"$SCHOUDERS" export --db "$TMP/checkbroken.db" --meeting 1 --format json --out "$TMP/checkbroken.json" 2> "$TMP/checkbroken.err"
check "export refuses a file that breaks its own rules (status $?)" test ! -e "$TMP/checkbroken.json"
check "and says it is damaged" grep -q "damaged" "$TMP/checkbroken.err"
script damaged <<'EOS'
dump @TMP/checkbroken_app.json
quit
EOS
app --db "$TMP/checkbroken.db" --script "$TMP/damaged.script" 2> /dev/null
check "the app calls it damaged too" dump_has "$TMP/checkbroken_app.json" '.screen == "error" and ([.texts[].label] | any(test("beschadigd")))'
finish

# Het plan (§3.3): the demo meeting, filled by tests/scenarios/plan.script, handed
# out as JSON, as a PDF and as pictures of its boards, from the command line and
# from the facilitator's Exporteren. Page images: build/test/screens/plan_page-N.png.
. "$(dirname "$0")/lib.sh"
db="$TMP/plan.db"
script plan < "$SRC/tests/scenarios/plan.script"
check "the demo meeting is filled by its script" app --db "$db" --demo --script "$TMP/plan.script"
ex() { "$SCHOUDERS" export --db "$db" --meeting 1 "$@"; }
# Text of a PDF on one line, so a sentence wrapped on paper is still found.
pdf_text() { pdftotext "$@" - | tr -s '[:space:]' ' '; }
has() { grep -qF -- "$2" "$1"; }
lacks() { ! grep -qF -- "$2" "$1"; }
# A meeting as NAME.json and NAME.pdf, with the PDF's text in NAME.txt.
export_both() { # export_both NAME DB
  "$SCHOUDERS" export --db "$2" --meeting 1 --format json --out "$TMP/$1.json" &&
    "$SCHOUDERS" export --db "$2" --meeting 1 --format pdf --out "$TMP/$1.pdf" &&
    pdf_text "$TMP/$1.pdf" > "$TMP/$1.txt"
}
# Every string the jq expression picks from NAME.json is in the PDF's text.
has_all() { # has_all NAME JQ
  while IFS= read -r s; do
    check "$1 pdf: has \"$s\"" has "$TMP/$1.txt" "$s"
  done < <(jq -r "$2" "$TMP/$1.json")
}

# --- JSON -----------------------------------------------------------------------------
check "json and pdf: export runs" export_both plan "$db"
check "json: follows export.schema.json" schema_valid "$TMP/plan.json"
check "json: the file is for the facilitator alone (0600)" test "$(stat -c %a "$TMP/plan.json")" = 600

# --- PDF ------------------------------------------------------------------------------
check "pdf: A4" bash -c "pdfinfo '$TMP/plan.pdf' | grep -q 'Page size: *595.28 x 841.89'"
check "pdf: 0600" test "$(stat -c %a "$TMP/plan.pdf")" = 600
check "pdf: every font is embedded" bash -c "pdffonts '$TMP/plan.pdf' | awk 'NR > 2 && \$(NF-4) != \"yes\" { bad = 1 } END { exit bad || NR < 3 }'"
pdf_text -f 1 -l 1 "$TMP/plan.pdf" > "$TMP/plan.p1.txt"
# Everything the meeting decided, read from its own export, is in the text.
has_all plan '.participants[].name, .decisions[].what, .bodemeisen[].text, (.consent[] | select(.remark != "") | .remark)'
check "pdf: the draft left in the closed segment is not in the plan" lacks "$TMP/plan.txt" "Misschien verhuizen"
# By when, as the PDF says a date ("1 februari 2027"), from the due date the
# scenario chose on the calendar, whatever month the test runs in.
months=(januari februari maart april mei juni juli augustus september oktober november december)
due=$(jq -r '.decisions[] | select(.what | startswith("Ria en Mark")) | .due' "$TMP/plan.json")
IFS=- read -r due_y due_m due_d <<< "$due"
check "the decision has the first of a month as its date ($due)" test "$due_d" = 01
check "pdf: who does it and by when" has "$TMP/plan.txt" "Wie: Mark en Ria Klaar op: $((10#$due_d)) ${months[10#$due_m - 1]} $due_y"
check "pdf: the actieteam by name" has "$TMP/plan.txt" "Actieteam"
check "pdf: consent per participant (Mark, with his reservation)" has "$TMP/plan.txt" "Mark (Ouder) ≈ Met voorbehoud"
check "pdf: the first page says the meeting still runs" has "$TMP/plan.p1.txt" "deze bijeenkomst loopt nog"
check "pdf: the first page says the plan was fixed" has "$TMP/plan.p1.txt" "Versie 1 van dit plan is vastgesteld"
check "pdf: participants by role on the first page" has "$TMP/plan.p1.txt" "Supporter Bram (steunt Sanne)"
check "pdf: Sanne shared her VIP-kaart, so it is in" has "$TMP/plan.txt" "De VIP-kaart van Sanne"
check "pdf: with what she said" has "$TMP/plan.txt" "Ik wil papa vaker zien"
rm -f "$OUT"/plan_page-*.png
check "pdf: pages as images" pdftoppm -r 60 -png "$TMP/plan.pdf" "$OUT/plan_page"
check "pdf: the card has a landscape page of its own" bash -c "pdfinfo -f 1 -l 9 '$TMP/plan.pdf' | grep -q 'size: *841.89 x 595.28'"
# Not shared: the card stays out, and what she said with it.
cp "$db" "$TMP/private.db"
sqlite3 "$TMP/private.db" "UPDATE vip_entries SET shared = 0"
check "pdf: a card not shared still exports" "$SCHOUDERS" export --db "$TMP/private.db" --meeting 1 --format pdf --out "$TMP/private.pdf"
pdf_text "$TMP/private.pdf" > "$TMP/private.txt"
check "pdf: a card not shared is not in the plan" lacks "$TMP/private.txt" "VIP-kaart"
check "pdf: nor what the child said on it" lacks "$TMP/private.txt" "Ik wil papa vaker zien"
check "json: a card not shared is not in the file either" \
  "$SCHOUDERS" export --db "$TMP/private.db" --meeting 1 --format json --out "$TMP/private.json"
check "json: no card, and not what she said" \
  bash -c "jq -e '.vip_cards == []' '$TMP/private.json' > /dev/null && ! grep -q 'Ik wil papa vaker zien' '$TMP/private.json'"
check "json: the shared card is there" jq -e '.vip_cards | length == 1' "$TMP/plan.json"
check "pdf: English with --lang en" ex --format pdf --lang en --out "$TMP/plan_en.pdf"
pdf_text "$TMP/plan_en.pdf" > "$TMP/plan_en.txt"
check "pdf (en): who took part" has "$TMP/plan_en.txt" "Who took part"
check "pdf (en): agreed" has "$TMP/plan_en.txt" "Version 1 of this plan was agreed"
check "pdf (en): no Dutch headings left" lacks "$TMP/plan_en.txt" "Besluiten en afspraken"

# A meeting not begun yet says so too, and asks no consent of anyone yet.
script new_meeting < "$SRC/tests/scenarios/new_meeting.script"
check "preparing: the scenario runs" app --db "$TMP/new.db" --script "$TMP/new_meeting.script"
check "preparing: export runs" export_both new "$TMP/new.db"
check "preparing: the first page says it has not begun" has "$TMP/new.txt" "Deze bijeenkomst is nog niet begonnen"
check "preparing: no consent yet" lacks "$TMP/new.txt" "nog niet vastgesteld"

# The goals of the goals scenario, with their actions and evaluation dates.
script doelen < "$SRC/tests/scenarios/doelen.script"
check "goals: the scenario runs" app --db "$TMP/doelen.db" --script "$TMP/doelen.script"
check "goals: export runs" export_both doelen "$TMP/doelen.db"
has_all doelen '.goals[].text, .goals[].actions[].what, .participants[].name'
check "goals pdf: an evaluation date in words" bash -c "grep -qE 'Evaluatie: [0-9]+ [a-z]+ 20[0-9]{2}' '$TMP/doelen.txt'"
check "goals pdf: a meeting without consent does not ask for it" lacks "$TMP/doelen.txt" "Instemming"

# The Drieluik: themes, the worst and the greatest wish; a note still in its
# writer's tray is theirs alone and stays out.
script drieluik < "$SRC/tests/scenarios/drieluik.script"
check "drieluik: the scenario runs" app --db "$TMP/dl.db" --script "$TMP/drieluik.script"
sqlite3 "$TMP/dl.db" "UPDATE notes SET hung_at = NULL WHERE text = 'stabiel thuis'"
check "drieluik: export runs" export_both dl "$TMP/dl.db"
has_all dl '.drieluik.groups[].theme, (.drieluik.notes[] | select(.hung_at != null) | .text)'
check "drieluik pdf: het ergste" has "$TMP/dl.txt" "★ Het ergste: Ruzie thuis"
check "drieluik pdf: de grootste wens" has "$TMP/dl.txt" "★ De grootste wens: Samen"
check "drieluik pdf: a note in a tray stays out" lacks "$TMP/dl.txt" "stabiel thuis"
check "drieluik json: so does the file" lacks "$TMP/dl.json" "stabiel thuis"
check "drieluik json: no held note at all" jq -e '[.drieluik.notes[] | select(.hung_at == null)] | length == 0' "$TMP/dl.json"

# An organisation's own Drieluik colours (layouts/drieluik.json) reach paper too: the
# left column's edge made magenta shows on the PDF's pages; the standard file's does not.
mkdir -p "$TMP/own"
cp "$SRC"/layouts/*.json "$TMP/own/"
sed -i 's/"edge": "#5B8DB8"/"edge": "#FF00FF"/' "$TMP/own/drieluik.json"
magenta() { # pixels within 8 % of #FF00FF on the pages of a PDF
  rm -f "$TMP"/mag-*.png
  pdftoppm -r 50 -png "$1" "$TMP/mag"
  for f in "$TMP"/mag-*.png; do
    convert "$f" -fuzz 8% -fill black +opaque '#FF00FF' -fill white -opaque '#FF00FF' -format '%[fx:int(mean*w*h+0.5)]\n' info:
  done | awk '{s += $1} END {print s + 0}'
}
SCHOUDERS_LAYOUTS="$TMP/own" "$SCHOUDERS" export --db "$TMP/dl.db" --meeting 1 --format pdf --out "$TMP/own.pdf"
check "own colours: the left column's colour is on paper" test "$(magenta "$TMP/own.pdf")" -gt 20
check "own colours: the standard colours have none of it" test "$(magenta "$TMP/dl.pdf")" -eq 0

# --- PNG ------------------------------------------------------------------------------
for b in besluiten vip; do
  check "png $b: export runs" ex --format png --board "$b" --size 1280x720 --out "$OUT/plan_$b.png"
  check "png $b: the asked size" test "$(identify -format '%w %h' "$OUT/plan_$b.png")" = "1280 720"
  check "png $b: not blank (many colours)" test "$(identify -format '%k' "$OUT/plan_$b.png")" -gt 50
done
check "png: the board of the current phase when none is named" ex --format png --out "$TMP/default.png"
check "png: default 1920x1080" test "$(identify -format '%w %h' "$TMP/default.png")" = "1920 1080"
ex --format png --board besluiten --out "$TMP/besluiten.png"
check "png: in the consent phase that is the plan (besluiten)" cmp -s "$TMP/default.png" "$TMP/besluiten.png"
check "png: the goals board" "$SCHOUDERS" export --db "$TMP/doelen.db" --meeting 1 --format png --board doelen --out "$TMP/doelen.png"
check "png: an unknown board is refused" refused ex --format png --board flip-over --out "$TMP/flip.png"
check "png: ... and leaves nothing" test ! -e "$TMP/flip.png" -a ! -e "$TMP/flip.png.part"

# --- bad input: a clear message, exit 1, no file ----------------------------------------
"$SCHOUDERS" export --db "$db" --meeting 99 --format pdf --out "$TMP/none.pdf" 2> "$TMP/none.err"
check "unknown meeting: exit 1" test $? -eq 1
check "unknown meeting: says so" grep -q "no meeting 99" "$TMP/none.err"
check "unknown meeting: no file" test ! -e "$TMP/none.pdf" -a ! -e "$TMP/none.pdf.part"
# A read-only folder: by its mode, or (root passes modes) made immutable.
ro="$TMP/ro"
mkdir -p "$ro"
chmod 555 "$ro"
touch "$ro/probe" 2> /dev/null && { rm -f "$ro/probe"; chattr +i "$ro" 2> /dev/null; }
if touch "$ro/probe" 2> /dev/null; then
  rm -f "$ro/probe"
  echo "note: this machine cannot make a read-only folder; /proc stands in" >&2
  ro=/proc/1
fi
for f in json pdf png; do
  "$SCHOUDERS" export --db "$db" --meeting 1 --format "$f" --out "$ro/plan.$f" 2> "$TMP/ro.err"
  check "read-only folder ($f): exit 1" test $? -eq 1
  check "read-only folder ($f): says it cannot write" grep -q "cannot write" "$TMP/ro.err"
  check "read-only folder ($f): nothing left" test ! -e "$ro/plan.$f" -a ! -e "$ro/plan.$f.part"
done
# A full disk: no file may grow past a few kilobytes (SIGXFSZ ignored, so write()
# fails with EFBIG as a full disk fails with ENOSPC). Read from a copy without a
# write-ahead log: reading that needs a shared-memory file, which would hit the cap.
sqlite3 "$db" ".backup '$TMP/full.db'"
sqlite3 "$TMP/full.db" "PRAGMA journal_mode=DELETE" > /dev/null
for f in json pdf png; do
  (ulimit -f 4; trap '' XFSZ; exec "$SCHOUDERS" export --db "$TMP/full.db" --meeting 1 --format "$f" --out "$TMP/full.$f") 2> "$TMP/full.err"
  check "full disk ($f): exit 1" test $? -eq 1
  check "full disk ($f): says it cannot write" grep -q "cannot write" "$TMP/full.err"
  check "full disk ($f): no partial file" test ! -e "$TMP/full.$f" -a ! -e "$TMP/full.$f.part"
done

# --- Exporteren in the app: the facilitator picks a stick ------------------------------
stick="$TMP/KINGSTON"
mkdir -p "$stick"
script app_export <<EOS
tap @meeting.home
$(pin_type 1357)
tap @home.meeting.0.export
dump @TMP/exp_pin.json
$(pin_type 1357)
dump @TMP/exp_places.json
shot @OUT/export_0_places.png
tap @export.place.0
wait 1500
dump @TMP/exp_done.json
shot @OUT/export_1_done.png
tap @export.place.1
wait 1500
dump @TMP/exp_failed.json
shot @OUT/export_2_failed.png
tap @export.back
dump @TMP/exp_home.json
quit
EOS
day_before=$(date +%F)
SCHOUDERS_EXPORT_DIRS="$stick:$ro" app --db "$db" --script "$TMP/app_export.script" 2> "$TMP/app_export.err"
check "app: the kiosk runs on after a failed export (exit 0)" test $? -eq 0
day_after=$(date +%F)
check "app: Exporteren asks for the PIN first" dump_has "$TMP/exp_pin.json" '[.widgets[] | select(.id == "pin.modal")] | length == 1'
check "app: both places offered" dump_has "$TMP/exp_places.json" '[.widgets[] | select(.id == "export.place.0" or .id == "export.place.1")] | length == 2'
made=$(find "$stick" -mindepth 1 -maxdepth 1 -type d -name 'Plan Familie De Boer *' | head -1)
check "app: one new folder on the stick" test -n "$made" -a "$(find "$stick" -mindepth 1 -maxdepth 1 | wc -l)" -eq 1
# Named by the day on the room's calendar (local time: just after midnight in
# Amsterdam, UTC is still on yesterday).
check "app: the folder is named by today's date here (${made##*/})" \
  bash -c '[ "${1##*/}" = "Plan Familie De Boer $2" ] || [ "${1##*/}" = "Plan Familie De Boer $3" ]' _ "$made" "$day_before" "$day_after"
check "app: it holds the plan, the file and the pictures" test -s "$made/plan.pdf" -a -s "$made/plan.json" -a -s "$made/besluiten.png"
check "app: the file follows the schema" schema_valid "$made/plan.json"
check "app: nothing half-written on the stick" test -z "$(find "$stick" -name '*.part' -o -name '.*.part')"
check "app: the screen says where it went" dump_has "$TMP/exp_done.json" "[.texts[].label | select(test(\"Klaar: het plan staat op KINGSTON\"))] | length >= 1"
if [ "$ro" != /proc/1 ]; then
  check "app: a read-only place says so on its tile" dump_has "$TMP/exp_places.json" '[.texts[].label | select(test("alleen-lezen: hier kan niets op"))] | length == 1'
  check "app: the failure says why" dump_has "$TMP/exp_failed.json" '[.texts[].label | select(test("Niet geëxporteerd naar ro: hier mag niet geschreven worden"))] | length >= 1'
fi
[ "$ro" = /proc/1 ] || check "app: and nothing was left there" test -z "$(ls -A "$ro")"
check "app: back on Home" dump_has "$TMP/exp_home.json" '[.widgets[] | select(.id == "home.meeting.0")] | length == 1'
[ "$ro" = /proc/1 ] || { chattr -i "$ro" 2> /dev/null; chmod 755 "$ro"; }

# --- What an export cut short left (the power went, the stick went read-only) ------------
# A hidden .schouders.xxxxxx.part folder holding only what an export writes is the
# family's words half-written: the next export there removes it. One holding anything
# else is not ours to touch.
stick2="$TMP/SANDISK"
mkdir -p "$stick2/.schouders.0a1b2c.part" "$stick2/.schouders.ffffff.part"
echo '{"meeting": "half"}' > "$stick2/.schouders.0a1b2c.part/plan.json"
echo half > "$stick2/.schouders.0a1b2c.part/plan.pdf.123abc.part"
echo mine > "$stick2/.schouders.ffffff.part/notes.txt"
script app_export2 <<EOS
$(pin_type 1357)
tap @home.meeting.0.export
$(pin_type 1357)
tap @export.place.0
dump @TMP/exp2_done.json
quit
EOS
SCHOUDERS_EXPORT_DIRS="$stick2" app --db "$db" --script "$TMP/app_export2.script" 2> "$TMP/app_export2.err"
check "leftovers: the export runs" dump_has "$TMP/exp2_done.json" "[.texts[].label | select(test(\"Klaar: het plan staat op SANDISK\"))] | length >= 1"
check "leftovers: a half bundle of an earlier export is gone" test ! -e "$stick2/.schouders.0a1b2c.part"
check "leftovers: a folder holding something else is left alone" test -s "$stick2/.schouders.ffffff.part/notes.txt"

# --- A stick someone prepared -----------------------------------------------------------
# Links planted under the names an export could use (its old hidden folder, the plan's
# own name) point at a folder that must stay as it is; a place that is itself a link
# is refused. And a long title of emoji and characters FAT refuses still gives a name
# a FAT or exFAT stick takes: at most 255 bytes, cut at a grapheme, the date kept.
victim="$TMP/victim"
mkdir -p "$victim"
sqlite3 "$db" ".backup '$victim/schouders.db'"
echo "houd mij" > "$victim/keep.txt"
victim_sum() { (cd "$victim" && find . -print0 | sort -z | xargs -0 ls -ld --time-style=+%s | awk '{print $1, $5, $6, $7}'; sha256sum ./*); }
victim_before=$(victim_sum)
evil="$TMP/EVIL"
mkdir -p "$evil"
today=$(date +%F)
ln -s "$victim" "$evil/.Plan Familie De Boer $today.part"
ln -s "$victim" "$evil/Plan Familie De Boer $today"
ln -s "$victim" "$TMP/LINKSTICK"
sqlite3 "$db" ".backup '$TMP/evil.db'"
sqlite3 "$TMP/evil.db" "DELETE FROM settings WHERE key='open_meeting'"
script evil_export <<EOS
$(pin_type 1357)
tap @home.meeting.0.export
$(pin_type 1357)
dump @TMP/evil_places.json
tap @export.place.0
dump @TMP/evil_done.json
tap @export.place.1
dump @TMP/evil_link.json
quit
EOS
SCHOUDERS_EXPORT_DIRS="$evil:$TMP/LINKSTICK" app --db "$TMP/evil.db" --script "$TMP/evil_export.script" 2> /dev/null
check "stick attack: the kiosk runs on (exit 0)" test $? -eq 0
check "stick attack: the folder the links point at is untouched" test "$(victim_sum)" = "$victim_before"
check "stick attack: the planted links are still just links" test -L "$evil/.Plan Familie De Boer $today.part" -a -L "$evil/Plan Familie De Boer $today"
check "stick attack: the plan went into a new folder of its own" test -s "$evil/Plan Familie De Boer $today (2)/plan.pdf"
check "stick attack: a place that is a link says so on its tile" \
  dump_has "$TMP/evil_places.json" '[.texts[].label] | any(test("een verwijzing naar een andere map"))'
check "stick attack: and is refused, saying why" \
  dump_has "$TMP/evil_link.json" '[.texts[].label] | any(test("Niet geëxporteerd naar LINKSTICK: dit is een verwijzing"))'
check "stick attack: nothing half left anywhere" test -z "$(find "$evil" "$victim" -name '*.part' ! -type l)"

long=$(printf '👨‍👩‍👧‍👦%.0s' $(seq 40))
sqlite3 "$TMP/evil.db" "UPDATE meetings SET title='Familie \"A/B\" <C>: $long'"
fat="$TMP/FAT"
mkdir -p "$fat"
script fat_export <<EOS
$(pin_type 1357)
tap @home.meeting.0.export
$(pin_type 1357)
tap @export.place.0
quit
EOS
SCHOUDERS_EXPORT_DIRS="$fat" app --db "$TMP/evil.db" --script "$TMP/fat_export.script" 2> /dev/null
fatname=$(cd "$fat" && ls | head -1)
check "long title: one folder made" test -s "$fat/$fatname/plan.json"
check "long title: at most 255 bytes (${#fatname} characters, $(printf '%s' "$fatname" | wc -c) bytes)" test "$(printf '%s' "$fatname" | wc -c)" -le 255
check "long title: valid UTF-8" bash -c 'printf "%s" "$1" | iconv -f UTF-8 -t UTF-8 > /dev/null' _ "$fatname"
check "long title: no character FAT refuses" bash -c '! printf "%s" "$1" | grep -q "[\"*/:<>?\\\\|]"' _ "$fatname"
check "long title: the date is kept" bash -c '[[ "$1" == *" $2" ]] || [[ "$1" == *" $3" ]]' _ "$fatname" "$today" "$(date +%F)"
one='👨‍👩‍👧‍👦'
check "long title: cut between whole families, not inside one" \
  bash -c 't=${1#Plan Familie -A-B- -C-- }; t=${t% *}; t=${t//$2/}; [ -z "$t" ]' _ "$fatname" "$one"

# export --out that is a link, a pipe or a device: refused, never written through.
echo "niet overschrijven" > "$victim/target.txt"
ln -s "$victim/target.txt" "$TMP/out_link.json"
mkfifo "$TMP/out_fifo.json"
for f in json pdf png; do
  timeout 60 "$SCHOUDERS" export --db "$db" --meeting 1 --format "$f" --out "$TMP/out_link.json" 2> "$TMP/link.err"
  check "--out a link ($f): exit 1, saying it is a link" bash -c "[ $? -eq 1 ] && grep -q 'it is a link' '$TMP/link.err'"
done
check "--out a link: what it points at is unchanged" test "$(cat "$victim/target.txt")" = "niet overschrijven"
timeout 60 "$SCHOUDERS" export --db "$db" --meeting 1 --format json --out "$TMP/out_fifo.json" 2> "$TMP/fifo.err"
check "--out a pipe: refused at once (exit 1), never opened" bash -c "[ $? -eq 1 ] && grep -q 'a pipe' '$TMP/fifo.err'"
# A device node of the test's own (never /dev/null itself: an app that replaced it
# would break the machine); made when this user may.
if mknod -m 666 "$TMP/out_dev.json" c 1 3 2> /dev/null; then
  timeout 60 "$SCHOUDERS" export --db "$db" --meeting 1 --format json --out "$TMP/out_dev.json" 2> "$TMP/dev.err"
  check "--out a device: refused" bash -c "[ $? -eq 1 ] && grep -q 'a device' '$TMP/dev.err'"
  check "and it is still a device" test -c "$TMP/out_dev.json"
else
  echo "note: no device node can be made here; --out a device is not checked" >&2
fi
finish

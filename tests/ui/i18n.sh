# Translations: every key the app uses is in nl.po and en.po, none is left over,
# both agree on printf directives, and the screens really show the language asked.
. "$(dirname "$0")/lib.sh"
used=$(grep -rhoE '(TN?|N_)\("[a-z_.0-9]+"(, "[a-z_.]+")?' "$SRC/app" | sed -E 's/(TN?|N_)\(//' | tr -d '" ' | tr ',' '\n' | sort -u)
for lang in nl en; do
  po="$SRC/assets/i18n/$lang.po"
  have=$(grep -oE '^msgid(_plural)? "[a-z_.0-9]+"' "$po" | sed -E 's/^msgid(_plural)? "//; s/"$//' | sort -u)
  missing=$(comm -23 <(echo "$used") <(echo "$have"))
  unused=$(comm -13 <(echo "$used") <(echo "$have"))
  check "$lang.po has every key the app uses (missing: $missing)" test -z "$missing"
  check "$lang.po has no unused keys (unused: $unused)" test -z "$unused"
  check "$lang.po compiles" msgfmt --check -o /dev/null "$po"
done
# Same printf directives, in the same order, in both languages.
directives() { msgcat --no-wrap "$1" | awk '/^msgid /{k=$2} /^msgstr(\[[0-9]\])? /{s=$0; sub(/^msgstr(\[[0-9]\])? /,"",s); n=gsub(/%[-0-9.]*[sdu]/,"&",s); d=""; while (match(s,/%[-0-9.]*[sdu]/)) {d=d substr(s,RSTART,RLENGTH); s=substr(s,RSTART+RLENGTH)} print k, d}'; }
check "nl and en agree on every %s and %d" diff <(directives "$SRC/assets/i18n/nl.po") <(directives "$SRC/assets/i18n/en.po")

# No key ever reaches the screen, in either language.
for lang in nl en; do
  script "lang_$lang" <<EOS
$(pin_new 1357)
dump @TMP/home_$lang.json
tap @home.new
dump @TMP/new_$lang.json
tap @new.title
type "Familie"
tap @new.template.drieluik-bijeenkomst
tap @new.name
type "Sanne"
tap @new.add
tap @new.save
tap @phase.next
dump @TMP/board_$lang.json
tap @meeting.chip.0
dump @TMP/tray_$lang.json
tap @tray.close
tap @meeting.vip
dump @TMP/vip_$lang.json
tap @vip.card
dump @TMP/card_$lang.json
quit
EOS
  check "the app runs in $lang" app --db "$TMP/$lang.db" --lang "$lang" --script "$TMP/lang_$lang.script"
  for d in home new board tray vip card; do
    check "$lang $d: no untranslated key on screen" \
      dump_has "$TMP/${d}_$lang.json" '[.widgets[], .texts[] | .label | select(test("^[a-z_]+\\.[a-z_.]+$"))] | length == 0'
  done
done
check "Dutch by default: Home says Bijeenkomsten" dump_has "$TMP/home_nl.json" '[.texts[].label] | index("Bijeenkomsten")'
check "English with --lang en: Home says Meetings" dump_has "$TMP/home_en.json" '[.texts[].label] | index("Meetings")'
check "English roles on the new-meeting screen" dump_has "$TMP/new_en.json" '[.widgets[] | select(.id == "new.role.kind") | .label] == ["Child"]'
finish

# The command line: bad flags get usage and status 2; export says what is wrong.
. "$(dirname "$0")/lib.sh"
"$SCHOUDERS" --frobnicate > "$TMP/out" 2> "$TMP/err"; rc=$?
check "an unknown flag exits with status 2" test "$rc" -eq 2
check "an unknown flag prints usage" grep -q "usage: schouders" "$TMP/err"
"$SCHOUDERS" --size banana > /dev/null 2>&1; rc=$?
check "a bad --size exits with status 2" test "$rc" -eq 2
"$SCHOUDERS" --lang fr > /dev/null 2>&1; rc=$?
check "an unknown --lang exits with status 2" test "$rc" -eq 2
"$SCHOUDERS" export --db "$TMP/none.db" --meeting 1 --format json --out "$TMP/x.json" 2> "$TMP/err"; rc=$?
check "export of a missing database fails" test "$rc" -eq 1
check "and names the file" grep -q "none.db" "$TMP/err"
"$SCHOUDERS" export --db "$TMP/none.db" --meeting x --format json --out "$TMP/x.json" 2> /dev/null; rc=$?
check "export with a bad meeting id exits 2" test "$rc" -eq 2
# A meeting that does not exist in a real database.
printf 'wait 50\nquit\n' > "$TMP/empty.script"
app --db "$TMP/real.db" --script "$TMP/empty.script" 2> /dev/null
"$SCHOUDERS" export --db "$TMP/real.db" --meeting 42 --format json --out "$TMP/x.json" 2> "$TMP/err"; rc=$?
check "export of a missing meeting fails" test "$rc" -eq 1
check "and says there is no such meeting" grep -q "no meeting 42" "$TMP/err"
check "and writes no file" test ! -e "$TMP/x.json"
# A script with a typo is refused before the window opens, naming the line.
printf 'tap @home.new\nfrobnicate\n' > "$TMP/bad.script"
app --db "$TMP/real.db" --script "$TMP/bad.script" 2> "$TMP/err"; rc=$?
check "a broken script exits with status 2" test "$rc" -eq 2
check "and names its line" grep -q "bad.script:2" "$TMP/err"
# A widget that never comes: the script waits (30 s and 100 frames, so a loaded
# machine is not failed), then stops with status 3, naming the file and the line.
printf 'wait 10\ntap @no.such.widget\nquit\n' > "$TMP/missing.script"
app --db "$TMP/real.db" --script "$TMP/missing.script" 2> "$TMP/err"; rc=$?
check "a widget that never appears fails the script with status 3 (got $rc)" test "$rc" -eq 3
check "and names the file, the line and the widget" grep -q "missing.script:2: no widget on screen with id @no.such.widget" "$TMP/err"

# Set-up as a user without root and without sudo: make run and make test say in one
# line which packages to install and how, and stop with status 2.
setup=$(mktemp -d /tmp/schouders-setup-XXXXXX)
chmod 755 "$setup"
mkdir "$setup/bin"
cp -s /usr/sbin/* /usr/bin/* "$setup/bin/" 2> /dev/null
rm -f "$setup/bin/sudo"
cp "$SRC/Makefile" "$setup/Makefile"
as_user() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }
for goal in run test; do
  (cd "$setup" && as_user env -i PATH="$setup/bin" HOME="$setup" make "$goal" PKGS="make schouders-no-such-package") \
    > "$TMP/setup.out" 2> "$TMP/setup.err"; rc=$?
  check "make $goal without root or sudo stops with status 2 (got $rc)" test "$rc" -eq 2
  check "and says in one line what to install and how" \
    test "$(cat "$TMP/setup.out" "$TMP/setup.err" | grep -c .)" = 1
  check "naming the missing package and apt-get" grep -q "apt-get install schouders-no-such-package" "$TMP/setup.err"
  check "but not what is installed" refused grep -q "install make" "$TMP/setup.err"
done
rm -rf "$setup"
finish

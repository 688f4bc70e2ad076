# The kiosk unit: systemd accepts it, it runs Schouders under cage, and it comes
# back after a crash within five seconds.
. "$(dirname "$0")/lib.sh"
unit="$SRC/kiosk/schouders-kiosk.service"
check "systemd-analyze verify accepts the unit" systemd-analyze verify "$unit"
check "it starts Schouders under cage" grep -qE '^ExecStart=/usr/bin/cage -- .*schouders' "$unit"
check "it restarts always" grep -qx 'Restart=always' "$unit"
check "within five seconds" test "$(sed -n 's/^RestartSec=//p' "$unit")" -le 5
finish

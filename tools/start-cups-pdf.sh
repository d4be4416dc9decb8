#!/usr/bin/env bash
# Brings up the real print path for the tests: the CUPS scheduler and a "PDF" queue on the cups-pdf backend.
# As root on Debian (CI, a fresh machine) anything that does not come up is an error, so the print test never skips
# silently. As a normal user it only reports what is missing; the suite's --fail-on-skip then names the skipped test.
set -u
say() { echo "start-cups-pdf: $*" >&2; }
scheduler_up() { lpstat -r 2>/dev/null | grep -q "is running"; }

if [ "$(id -u)" -ne 0 ]; then
  scheduler_up && lpstat -p PDF >/dev/null 2>&1 && exit 0
  say "not root: start cupsd and add the cups-pdf queue 'PDF' yourself (see README, Testing)"
  exit 0
fi
for tool in cupsd lpstat lpadmin cupsenable cupsaccept; do
  command -v "$tool" >/dev/null 2>&1 || { say "$tool is missing (Debian packages cups, printer-driver-cups-pdf)"; exit 1; }
done
if ! scheduler_up; then
  cupsd || { say "cupsd did not start"; exit 1; }
  for _ in $(seq 1 40); do scheduler_up && break; sleep 0.25; done
  scheduler_up || { say "cupsd started but the scheduler does not answer"; exit 1; }
fi
if ! lpstat -p PDF >/dev/null 2>&1; then
  ppd=/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd
  [ -f "$ppd" ] || { say "$ppd is missing (Debian package printer-driver-cups-pdf)"; exit 1; }
  lpadmin -p PDF -v cups-pdf:/ -E -P "$ppd" 2>/dev/null || { say "lpadmin could not add the PDF queue"; exit 1; }
fi
cupsenable PDF && cupsaccept PDF || { say "the PDF queue cannot be enabled"; exit 1; }
lpstat -p PDF | grep -q "enabled" || { say "the PDF queue is not enabled"; exit 1; }
exit 0

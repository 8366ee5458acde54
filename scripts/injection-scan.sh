#!/usr/bin/env bash
# SQL injection scan with sqlmap (Debian: apt-get install -y sqlmap) against a running portal:
# every public search and filter parameter, the election in public paths, and the sign-in form.
#   bash scripts/injection-scan.sh [BASE_URL]      default http://localhost:3000
# Exit 0: sqlmap found no injectable parameter; 1: it found one (its report is printed); 2: setup.
# Only ever point it at a portal of your own: it sends thousands of hostile requests.
set -euo pipefail

base="${1:-http://localhost:3000}"
base="${base%/}"
command -v sqlmap >/dev/null || { echo "sqlmap is not installed: apt-get install -y sqlmap" >&2; exit 2; }
curl -sf "$base/api/health" >/dev/null || { echo "No portal answers at $base (start it with npm start)." >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A published election's code, from the public list.
election="$(curl -sf "$base/en/elections" | grep -o 'href="/en/elections/[A-Za-z0-9-]*"' | head -1 | sed 's|.*/||; s|"||')"
[ -n "$election" ] || { echo "The portal lists no election to scan." >&2; exit 2; }

# The sign-in form posts to a Server Action: replay exactly the fields the page renders (its
# action id changes with every build), with sqlmap's marker (*) in the email and the password.
sign_in_request() {
  local form boundary="----portalscan"
  form="$(curl -sf "$base/en/sign-in")"
  {
    printf 'POST /en/sign-in HTTP/1.1\r\nHost: %s\r\nContent-Type: multipart/form-data; boundary=%s\r\nAccept: text/html\r\n\r\n' "${base#*://}" "$boundary"
    grep -o '<input type="hidden" name="[^"]*"\( value="[^"]*"\)\?' <<<"$form" | while IFS= read -r input; do
      name="$(sed 's/.*name="\([^"]*\)".*/\1/' <<<"$input")"
      value="$(sed -n 's/.* value="\([^"]*\)"$/\1/p' <<<"$input" | sed 's/&quot;/"/g; s/&amp;/\&/g')"
      printf -- '--%s\r\nContent-Disposition: form-data; name="%s"\r\n\r\n%s\r\n' "$boundary" "$name" "$value"
    done
    printf -- '--%s\r\nContent-Disposition: form-data; name="email"\r\n\r\nscan@portal.example*\r\n' "$boundary"
    printf -- '--%s\r\nContent-Disposition: form-data; name="password"\r\n\r\nnot-the-password*\r\n' "$boundary"
    printf -- '--%s--\r\n' "$boundary"
  } >"$work/sign-in.http"
}
sign_in_request

org="00000000-0000-4000-8000-000000000000"
targets=(
  "-u $base/en/statements?q=observers&election=$election&organization=$org&kind=final&language=en&page=1"
  "-u $base/en/elections?page=1&sort=electionDay&dir=desc"
  "-u $base/en/elections/$election*"
  "-u $base/en/verify?number=TM-0001&surname=Smith"
  "-u $base/en/verify?t=eyJhbGciOiJFZERTQSJ9.e30.c2ln"
  "-u $base/api/feeds/statements?locale=en&election=$election&organization=$org"
  "-u $base/api/elections/$election*/register?locale=en"
  "-r $work/sign-in.http"
)

found=0
for target in "${targets[@]}"; do
  echo "== sqlmap ${target#* }"
  # --level 2 adds cookies and more payloads; --risk 1 keeps to payloads that cannot change data.
  # shellcheck disable=SC2086
  sqlmap $target --ignore-stdin --batch --flush-session --level=2 --risk=1 --threads=2 --dbms=PostgreSQL \
    --output-dir="$work/out" --disable-coloring -v 0 --answers="process it=Y" >"$work/run.log" 2>&1 || true
  if grep -q "identified the following injection point" "$work/run.log"; then
    found=1
    cat "$work/run.log"
  else
    grep -E "do not appear to be injectable|not injectable|CRITICAL" "$work/run.log" | tail -2 || true
  fi
done

if [ "$found" = 1 ]; then
  echo "sqlmap found an injectable parameter (above)." >&2
  exit 1
fi
echo "sqlmap found no injectable parameter in ${#targets[@]} targets."

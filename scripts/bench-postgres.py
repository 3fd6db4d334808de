# The PostgreSQL half of scripts/bench (run by `scripts/bench --postgres`, which builds, generates the
# portfolio and starts the throwaway server): the same portfolio in a SQLite workspace and in a
# PostgreSQL database, the figures side by side (docs/BENCHMARKS.md, "The workspace on PostgreSQL").
# Figures are recorded, not asserted: it exits non-zero only when something fails or two engines
# print different bytes.
#
#   python3 scripts/bench-postgres.py BIN DATA RUN RUNS SERVER PSQL
import hashlib, json, os, statistics, subprocess, sys, time

BIN, DATA, RUN, RUNS, SERVER, PSQL = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5], sys.argv[6]
RECOUP = os.path.join(BIN, "recoup")
WS = os.path.join(RUN, "ws.recoup")
PG = SERVER + "/bench"
HOSTPORT = SERVER.split("@", 1)[1]
HOST, PORT = HOSTPORT.rsplit(":", 1)
USER = SERVER.split("://", 1)[1].split("@", 1)[0]
ENV = dict(os.environ, XDG_STATE_HOME=os.path.join(RUN, "state"), RECOUP_OPERATOR=USER)
ENV.pop("RECOUP_WORKSPACE", None)
csv = lambda kind: os.path.join(DATA, kind + ".csv")


def log(*a): print("bench:", *a, file=sys.stderr, flush=True)


def run(argv, stdin=None):
    """(wall seconds, peak RSS bytes, stdout bytes) of one run; a failure stops the benchmark."""
    rss = os.path.join(RUN, "rss")
    t = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss] + argv, env=ENV, input=stdin, capture_output=True)
    dt = time.perf_counter() - t
    if p.returncode != 0:
        sys.exit(f"bench: {' '.join(argv)} failed ({p.returncode}): {p.stderr.decode(errors='replace')[-2000:]}")
    return dt, int(open(rss).read().split()[-1]) * 1024, p.stdout


def psql(db, sql):
    return run([PSQL, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", HOST, "-p", PORT, "-U", USER, "-d", db, "-c", sql])


# 1. The same portfolio into both engines.
log("import into SQLite")
for kind in ("customers", "contracts", "invoices", "payments"):
    run([RECOUP] + (["--create"] if kind == "customers" else []) + ["-w", WS, "-c", f"import {kind} {csv(kind)}"])
log("import into PostgreSQL")
psql("postgres", "CREATE DATABASE bench")
run([RECOUP, "--create", "-w", PG, "-c", f"import customers {csv('customers')}", "-c", f"import contracts {csv('contracts')}"])
# Like for like: psql's \copy of the invoices' CSV into a table of the same shape (primary key, the
# customer index, both foreign keys), right before Recoup imports the same file with all its checks.
psql("bench", """CREATE TABLE invoice_copy (id text COLLATE "C" PRIMARY KEY,
  customer_id text COLLATE "C" NOT NULL REFERENCES customer(id), contract_id text COLLATE "C" REFERENCES contract(id),
  issued_on text COLLATE "C" NOT NULL, due_on text COLLATE "C" NOT NULL, amount numeric(16, 2) NOT NULL CHECK (amount > 0),
  disputed text, settled_on text COLLATE "C");
  CREATE INDEX invoice_copy_customer ON invoice_copy(customer_id)""")
t_copy, _, _ = psql("bench", f"\\copy invoice_copy FROM '{csv('invoices')}' WITH (FORMAT csv, HEADER true)")
psql("bench", "DROP TABLE invoice_copy")
t_invoices, rss_invoices, _ = run([RECOUP, "-w", PG, "-c", f"import invoices {csv('invoices')}"])
t_payments, rss_payments, _ = run([RECOUP, "-w", PG, "-c", f"import payments {csv('payments')}"])
psql("bench", "VACUUM ANALYZE")

# 2. Whole-portfolio reports, alternating engines run by run; both must print the same bytes.
reads = [("aging", "aging --as-of 2026-11-30 --format csv"), ("customer list", "customer list --format csv"),
         ("queue --limit 20", "queue --as-of 2026-11-30 --limit 20 --format csv"),
         ("forecast --months 12", "forecast --months 12 --as-of 2026-11-30 --format csv")]
figures = {}
for name, command in reads:
    log(f"{name}: {RUNS} alternating runs on each engine")
    t_s, t_p, m_s, m_p, digests = [], [], [], [], set()
    for _ in range(RUNS):
        for ws, times, mems in ((WS, t_s, m_s), (PG, t_p, m_p)):
            dt, rss, out = run([RECOUP, "-w", ws, "-c", command])
            times.append(dt); mems.append(rss); digests.add(hashlib.md5(out).hexdigest())
    if len(digests) != 1: sys.exit(f"bench: {name}: the engines printed different bytes ({sorted(digests)})")
    figures[name] = dict(sqlite=t_s, postgres=t_p, rss_sqlite=max(m_s), rss_postgres=max(m_p), md5=digests.pop())

# 3. customer show, 50 customers in one script, a command (less the script's start-up).
ids = subprocess.run(["sqlite3", WS, "SELECT id FROM customer ORDER BY id LIMIT 50 OFFSET 777"],
                     capture_output=True, text=True).stdout.split()
show = os.path.join(RUN, "show.recoup")
open(show, "w").write("".join(f"customer show {i}\n" for i in ids))
empty = os.path.join(RUN, "empty.recoup")
open(empty, "w").write("\n")
def per_show(ws):
    return (statistics.median(run([RECOUP, "-w", ws, "-f", show])[0] for _ in range(3))
            - statistics.median(run([RECOUP, "-w", ws, "-f", empty])[0] for _ in range(3))) / len(ids)
show_s, show_p = per_show(WS), per_show(PG)

# 4. 16 shells x 50 payment add at once: every write lands.
log("16 shells x 50 payment add at once on each engine")
def writers(ws, tag):
    scripts = []
    for k in range(16):
        path = os.path.join(RUN, f"w{tag}{k}.recoup")
        open(path, "w").write("".join(f"payment add {ids[k]} 0.01 --on 2026-11-30 --id {tag}{k}-{i}\n" for i in range(50)))
        scripts.append(path)
    t = time.perf_counter()
    procs = [subprocess.Popen([RECOUP, "-w", ws, "-f", s], env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for s in scripts]
    errs = [p.stderr.read().decode(errors="replace") for p in procs]
    codes = [p.wait() for p in procs]
    if any(codes): sys.exit(f"bench: writers on {ws}: exit codes {codes}: {[e for e in errs if e][:1]}")
    return time.perf_counter() - t
w_s, w_p = writers(WS, "WS"), writers(PG, "WP")
count = subprocess.run([PSQL, "-X", "-At", "-h", HOST, "-p", PORT, "-U", USER, "-d", "bench", "-c",
                        "SELECT count(*) FROM payment WHERE id LIKE 'WP%'"], capture_output=True, text=True).stdout.strip()
if count != "800": sys.exit(f"bench: {count} of 800 payments landed on PostgreSQL")

med = statistics.median
rows = [("figure", "SQLite", "PostgreSQL", "ratio", "target")]
for name, f in figures.items():
    rows.append((f"{name} ({RUNS} alternating runs, median; peak RSS)",
                 f"{med(f['sqlite']):.2f} s, {f['rss_sqlite'] / 1e6:.0f} MB", f"{med(f['postgres']):.2f} s, {f['rss_postgres'] / 1e6:.0f} MB",
                 f"{med(f['postgres']) / med(f['sqlite']):.2f} (runs {min(f['postgres']):.2f}-{max(f['postgres']):.2f} / {min(f['sqlite']):.2f}-{max(f['sqlite']):.2f} s)",
                 "within 2x" if name == "aging" else ""))
rows.append(("customer show, a command (50 in a script)", f"{show_s * 1000:.1f} ms", f"{show_p * 1000:.1f} ms", "", "under 20 ms"))
rows.append(("import the invoices (every check kept)", "", f"{t_invoices:.2f} s, {rss_invoices / 1e6:.0f} MB",
             f"{t_invoices / t_copy:.2f} x psql \\copy ({t_copy:.2f} s)", "within 2x \\copy"))
rows.append(("import the payments", "", f"{t_payments:.2f} s, {rss_payments / 1e6:.0f} MB", "", ""))
rows.append(("16 shells x 50 payment add at once, all 800 landed", f"{w_s:.2f} s", f"{w_p:.2f} s", "", "every write lands"))
widths = [max(len(r[i]) for r in rows) for i in range(5)]
fmt = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths)) + " |"
print(fmt(rows[0]))
print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
for r in rows[1:]: print(fmt(r))
print(f"same bytes on both engines: " + ", ".join(f"{n} md5 {f['md5'][:8]}" for n, f in figures.items()))
json.dump(dict(reads=figures, customer_show_s=dict(sqlite=show_s, postgres=show_p), import_invoices_s=t_invoices,
               psql_copy_invoices_s=t_copy, import_payments_s=t_payments, writers_16x50_s=dict(sqlite=w_s, postgres=w_p)),
          open(os.path.join(RUN, "results-postgres.json"), "w"), indent=1)
print(f"raw figures: {os.path.join(RUN, 'results-postgres.json')}")

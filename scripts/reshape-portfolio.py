#!/usr/bin/env python3
"""Rewrites a canonical portfolio (customers, contracts, invoices, payments CSV) with every file's rows
shuffled and every id in another shape (customers `KH-<8 hex>`, contracts `HT/<n>`, invoices
`FP<10 digits>`, payments `SK-<n>-<hex>`), the amounts and dates unchanged: a speed-up measured by
scripts/bench must hold on data in any row order and id shape, not only on the generator's.

    scripts/reshape-portfolio.py SOURCE_DIR TARGET_DIR [SEED]
"""
import csv, hashlib, os, random, sys

src, dst = sys.argv[1], sys.argv[2]
rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 13)
os.makedirs(dst, exist_ok=True)

def h(s, n):
    return hashlib.sha1(s.encode()).hexdigest()[:n]

maps = {"customer": {}, "contract": {}, "invoice": {}, "payment": {}}
taken = set()
def new_id(kind, old):
    m = maps[kind]
    attempt = 0
    while old not in m:  # a new shape for each id, drawn again on the rare collision
        attempt += 1
        if kind == "customer": made = "KH-" + h(old + "#" + str(attempt), 8)
        elif kind == "contract": made = "HT/" + str(rng.randrange(10**9))
        elif kind == "invoice": made = "FP" + str(rng.randrange(10**9, 10**10))
        else: made = "SK-%d-%s" % (rng.randrange(10**6), h(old, 6))
        if made not in taken: taken.add(made); m[old] = made
    return m[old]

def rewrite(name, fields):
    with open(os.path.join(src, name), newline="", encoding="utf-8") as f:
        r = csv.DictReader(f); header = r.fieldnames; rows = list(r)
    rng.shuffle(rows)
    for k, row in enumerate(rows):
        for col, kind in fields.items():
            if row.get(col): row[col] = new_id(kind, row[col])
    with open(os.path.join(dst, name), "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, header, lineterminator="\n"); w.writeheader(); w.writerows(rows)
    print(name, len(rows))

rewrite("customers.csv", {"id": "customer"})
rewrite("contracts.csv", {"id": "contract", "customer_id": "customer"})
rewrite("invoices.csv", {"id": "invoice", "customer_id": "customer", "contract_id": "contract"})
rewrite("payments.csv", {"id": "payment", "customer_id": "customer", "invoice_id": "invoice"})

"""Check an evidence pack offline: run `python3 verify_pack.py` in the unpacked folder (Python 3.8 or later).

Shipped inside every evidence pack; it uses nothing but Python's standard library.
"""

import hashlib
import json
import pathlib
import sys

FIELDS = ("content_sha256", "kind", "object_id", "person", "previous_sha256", "recorded_at", "sequence")


def canonical(data):
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def main(folder):
    folder = pathlib.Path(folder)
    problems = []
    # 1. Every file listed in SHA256SUMS has the SHA-256 written beside it (what `sha256sum -c` checks).
    for line in (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        digest, name = line.split("  ", 1)
        if hashlib.sha256((folder / name).read_bytes()).hexdigest() != digest:
            problems.append(f"{name}: SHA-256 does not match")
    # 2. The chain: each record's hash covers its fields, and each names the hash of the one before.
    chain = [json.loads(line) for line in (folder / "chain.jsonl").read_text(encoding="utf-8").splitlines()]
    previous = "0" * 64
    for expected, record in enumerate(chain, start=1):
        if record["sequence"] != expected or record["previous_sha256"] != previous:
            problems.append(f"chain record #{record['sequence']}: does not follow record #{expected - 1}")
        if hashlib.sha256(canonical({key: record[key] for key in FIELDS})).hexdigest() != record["chain_sha256"]:
            problems.append(f"chain record #{record['sequence']}: its SHA-256 does not match")
        previous = record["chain_sha256"]
    # 3. Each record file is the content its chain record hashed.
    by_object = {(record["kind"], record["object_id"]): record for record in chain}
    for path in sorted((folder / "records").glob("*.json")):
        kind, object_id = path.stem.rsplit("-", 1)
        record = by_object.get((kind, object_id))
        if record is None or hashlib.sha256(path.read_bytes()).hexdigest() != record["content_sha256"]:
            problems.append(f"records/{path.name}: not the content its chain record hashed")
        # 4. A paper sign-off's scan is in scans/, byte for byte the one its record names.
        scan_sha256 = json.loads(path.read_bytes()).get("scan_sha256")
        if scan_sha256:
            scans = sorted((folder / "scans").glob(scan_sha256 + ".*"))
            if not scans or hashlib.sha256(scans[0].read_bytes()).hexdigest() != scan_sha256:
                problems.append(f"records/{path.name}: its scan is missing or altered")
    for problem in problems:
        sys.stdout.write(problem + "\n")
    if problems:
        return 1
    sys.stdout.write(f"Pack intact: {len(chain)} chain records, head #{len(chain)} {previous}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))

#!/usr/bin/env python3
"""Writes the cohort fault cases of benchmarks/reliability.md from a synthetic BT cohort (standard library only).

usage: python3 benchmarks/cohort_faults.py out/Synthesize/bt /tmp/faults
makes /tmp/faults/{eleven,onebad,oneclass,emptyclass,kaggle}; see benchmarks/reliability.md for the commands run on them.
"""
import csv, gzip, os, random, shutil, struct, sys, zlib

src, dst = sys.argv[1], sys.argv[2]
rows = list(csv.DictReader(open(os.path.join(src, "manifest.csv"))))
fields = ["subject_id", "path", "label", "patient_id", "age"]


def nifti(path):
    return gzip.open(os.path.join(src, path)).read()


def cohort(name, extra=(), keep=lambda r: True):
    folder = os.path.join(dst, name)
    shutil.copytree(os.path.join(src, "images"), os.path.join(folder, "images"), dirs_exist_ok=True)
    with open(os.path.join(folder, "manifest.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(fields)
        for r in rows:
            if keep(r):
                w.writerow([r[k] for k in fields])
        for e in extra:
            w.writerow(e)
    return folder


def png(path, seed, size=32):
    rnd = random.Random(seed)
    raw = b"".join(b"\0" + bytes(60 + rnd.randrange(196) if (x - 16) ** 2 + (y - 16) ** 2 < 196 else 0 for x in range(size)) for y in range(size))
    chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", size, size, 8, 0, 0, 0, 0))
                           + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# eleven: every good subject plus 11 faulty rows, each a different fault
folder = cohort("eleven", [
    ["f-label", rows[0]["path"], "", "f-p1", ""],                    # 1 empty label
    ["f-age", rows[1]["path"], "glioma", "f-p2", "old"],             # 2 age not a number
    [rows[2]["subject_id"], "images/dup.nii.gz", "glioma", "f-p3", ""],  # 3 duplicate subject id
    ["bad:id", "images/unsafe.nii.gz", "glioma", "f-p4", ""],        # 4 id that cannot be a file name
    ["f-missing", "images/missing.nii.gz", "glioma", "f-p5", ""],    # 5 missing file
    ["f-garbage", "images/garbage.nii.gz", "glioma", "f-p6", ""],    # 6 not gzip
    ["f-truncated", "images/truncated.nii.gz", "glioma", "f-p7", ""],  # 7 truncated gzip
    ["f-header", "images/header.nii.gz", "glioma", "f-p8", ""],      # 8 bad header (sizeof_hdr)
    ["f-nan", "images/nan.nii.gz", "glioma", "f-p9", ""],            # 9 NaN voxels
    ["f-4d", "images/series.nii.gz", "glioma", "f-p10", ""],         # 10 4-D series
    ["f-png", "images/slice.png", "glioma", "f-p11", ""],            # 11 a 2-D picture in 3-D mode
])
img = os.path.join(folder, "images")
good = nifti(rows[0]["path"])
shutil.copy(os.path.join(src, rows[3]["path"]), os.path.join(img, "dup.nii.gz"))
shutil.copy(os.path.join(src, rows[4]["path"]), os.path.join(img, "unsafe.nii.gz"))
open(os.path.join(img, "garbage.nii.gz"), "wb").write(b"this is not a gzip stream")
gz = gzip.compress(good)
open(os.path.join(img, "truncated.nii.gz"), "wb").write(gz[: len(gz) // 2])
open(os.path.join(img, "header.nii.gz"), "wb").write(gzip.compress(struct.pack("<i", 123) + good[4:]))
voxels = bytearray(good)
for i in (352 + 4 * 1000, 352 + 4 * 5000):
    voxels[i:i + 4] = struct.pack("<f", float("nan"))
open(os.path.join(img, "nan.nii.gz"), "wb").write(gzip.compress(bytes(voxels)))
series = bytearray(good)
series[40:42], series[48:50] = struct.pack("<h", 4), struct.pack("<h", 2)
open(os.path.join(img, "series.nii.gz"), "wb").write(gzip.compress(bytes(series) + good[352:]))
png(os.path.join(img, "slice.png"), 1)

# onebad: the 40 subjects, one of them with NaN voxels (2.5 % <= preprocess.max_excluded_fraction 0.05)
folder = cohort("onebad")
open(os.path.join(folder, rows[5]["path"]), "wb").write(gzip.compress(bytes(voxels)))

# oneclass: only the glioma rows
cohort("oneclass", keep=lambda r: r["label"] == "glioma")

# emptyclass: class folders, no_tumor left empty
for r in rows:
    target = os.path.join(dst, "emptyclass", r["label"], os.path.basename(r["path"]))
    if r["label"] != "no_tumor":
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy(os.path.join(src, r["path"]), target)
os.makedirs(os.path.join(dst, "emptyclass", "no_tumor"), exist_ok=True)

# kaggle: Training/Testing class folders of 2-D pictures, one training picture copied into Testing
seed = 0
for label in ("glioma", "meningioma"):
    for i in range(8):
        png(os.path.join(dst, "kaggle", "Training", label, f"tr{i}.png"), seed); seed += 1
    for i in range(3):
        png(os.path.join(dst, "kaggle", "Testing", label, f"te{i}.png"), seed); seed += 1
shutil.copy(os.path.join(dst, "kaggle", "Training", "glioma", "tr2.png"), os.path.join(dst, "kaggle", "Testing", "glioma", "copy.png"))

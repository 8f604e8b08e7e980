#!/usr/bin/python3
"""The same preprocessing steps with nibabel + scipy.ndimage (the reference for benchmarks/preprocess.md):
as_closest_canonical; trilinear resampling to 3 mm keeping voxel 0 (affine_transform, order=1, border repeat);
foreground = above min + 0.1*(p99.5 - min); bounding box + 2 voxels; crop, then centred pad/crop to 64^3 with the
volume minimum; clip to the 0.5/99.5 percentiles of the foreground; z-score with foreground mean/sd; float32 .nii.gz.
Usage: reference_nibabel.py <manifest.csv> <out-dir> <workers>"""
import csv
import os
import sys
import time
from multiprocessing import Pool

import nibabel as nib
import numpy as np
from scipy import ndimage

TARGET_SPACING, TARGET_SHAPE, FRACTION, MARGIN = 3.0, (64, 64, 64), 0.1, 2


def window(data, start, size, pad):
    out = np.full(size, pad, dtype=np.float32)
    src = [slice(max(0, s), min(n, s + z)) for s, z, n in zip(start, size, data.shape)]
    dst = [slice(max(0, -s), max(0, -s) + (sl.stop - sl.start)) for s, sl in zip(start, src)]
    out[tuple(dst)] = data[tuple(src)]
    return out


def centred_start(length, target):
    return (length - target) // 2 if length >= target else -((target - length) // 2)


def process(args):
    path, out = args
    img = nib.as_closest_canonical(nib.load(path))
    data = img.get_fdata(dtype=np.float32)
    spacing = np.sqrt((img.affine[:3, :3] ** 2).sum(axis=0))
    ratio = TARGET_SPACING / spacing
    shape = tuple(int(np.floor(n / r + 0.5)) for n, r in zip(data.shape, ratio))
    data = ndimage.affine_transform(data, np.diag(ratio), output_shape=shape, order=1, mode="nearest", prefilter=False)
    threshold = data.min() + FRACTION * (np.percentile(data, 99.5) - data.min())
    idx = np.nonzero(data > threshold)
    lo = [max(0, int(i.min()) - MARGIN) for i in idx]
    hi = [min(n - 1, int(i.max()) + MARGIN) for i, n in zip(idx, data.shape)]
    pad = float(data.min())
    box = window(data, lo, [h - l + 1 for l, h in zip(lo, hi)], pad)
    offset = [centred_start(n, t) for n, t in zip(box.shape, TARGET_SHAPE)]
    fitted = window(box, offset, TARGET_SHAPE, pad)
    mask = fitted > threshold
    low, high = np.percentile(fitted[mask], [0.5, 99.5])
    fitted = np.clip(fitted, low, high)
    mean, sd = fitted[mask].mean(dtype=np.float64), fitted[mask].std(dtype=np.float64)
    fitted = ((fitted - mean) / sd).astype(np.float32)
    affine = img.affine @ np.diag([ratio[0], ratio[1], ratio[2], 1.0])
    affine[:3, 3] += affine[:3, :3] @ (np.array(lo) + np.array(offset))
    nib.save(nib.Nifti1Image(fitted, affine), out)
    return out


if __name__ == "__main__":
    manifest, out_dir, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
    os.makedirs(out_dir, exist_ok=True)
    folder = os.path.dirname(os.path.abspath(manifest))
    with open(manifest) as f:
        jobs = [(os.path.join(folder, r["path"]), os.path.join(out_dir, r["subject_id"] + ".nii.gz")) for r in csv.DictReader(f)]
    start = time.perf_counter()
    with Pool(workers) as pool:
        pool.map(process, jobs, chunksize=1)
    elapsed = time.perf_counter() - start
    print(f"nibabel+scipy: {len(jobs)} volumes in {elapsed:.2f} s = {len(jobs) / elapsed:.2f} volumes/s with {workers} workers")

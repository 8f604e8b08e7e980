#!/usr/bin/python3
"""Writes N benchmark subjects derived from the Colin27 template (mricron-data, 181x217x181 at 1 mm):
RAS, LPS and LAS storage orders in turn, a per-subject intensity scale and Rician-like noise, int16 .nii.gz,
plus manifest.csv (subject_id,path,label,patient_id). Usage: make_inputs.py <out-dir> <n> [template]"""
import os
import sys

import nibabel as nib
import numpy as np

out, n = sys.argv[1], int(sys.argv[2])
template = sys.argv[3] if len(sys.argv) > 3 else "/usr/share/mricron/templates/ch2.nii.gz"
os.makedirs(out, exist_ok=True)
base = nib.load(template)
data = np.asarray(base.dataobj, dtype=np.float32)
rng = np.random.default_rng(0)
flips = {"RAS": (), "LPS": (0, 1), "LAS": (0,)}
rows = ["subject_id,path,label,patient_id"]
for i in range(n):
    code = list(flips)[i % 3]
    noisy = data * rng.uniform(0.8, 1.2) + np.abs(rng.normal(0, 3, data.shape)).astype(np.float32)
    affine = base.affine.copy()
    for axis in flips[code]:
        noisy = np.flip(noisy, axis)
        # voxel 0 of the flipped axis is the old last voxel: move the origin there and reverse the axis
        affine[:3, 3] = affine[:3, 3] + affine[:3, axis] * (data.shape[axis] - 1)
        affine[:3, axis] = -affine[:3, axis]
    image = nib.Nifti1Image(np.ascontiguousarray(noisy).astype(np.int16), affine)
    image.header.set_sform(affine, code=1)
    name = f"sub-{i:04d}"
    nib.save(image, os.path.join(out, name + ".nii.gz"))
    rows.append(f"{name},{name}.nii.gz,{'A' if i % 2 == 0 else 'B'},pat-{i:04d}")
with open(os.path.join(out, "manifest.csv"), "w") as f:
    f.write("\n".join(rows) + "\n")

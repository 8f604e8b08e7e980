#!/usr/bin/python3
"""Writes N small synthetic subjects (the Colin27 template at 2 mm, 91x109x91, with noise and a random intensity
scale; storage order cycles RAS/LPS/LAS) and manifest.csv with two classes. Usage: make_small_cohort.py <dir> <n>"""
import os
import sys

import nibabel as nib
import numpy as np
from scipy import ndimage

out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)
base = nib.load("/usr/share/mricron/templates/ch2.nii.gz")
small = ndimage.zoom(np.asarray(base.dataobj, dtype=np.float32), 0.5, order=1)
affine = base.affine @ np.diag([2.0, 2.0, 2.0, 1.0])
rng = np.random.default_rng(1)
rows = ["subject_id,path,label,patient_id"]
for i in range(n):
    data = small * rng.uniform(0.8, 1.2) + np.abs(rng.normal(0, 3, small.shape))
    a = affine.copy()
    for axis in [(), (0, 1), (0,)][i % 3]:
        data = np.flip(data, axis)
        a[:3, 3] += a[:3, axis] * (small.shape[axis] - 1)
        a[:3, axis] = -a[:3, axis]
    image = nib.Nifti1Image(np.ascontiguousarray(data).astype(np.int16), a)
    image.header.set_sform(a, code=1)
    nib.save(image, os.path.join(out, f"s{i:05d}.nii.gz"))
    rows.append(f"s{i:05d},s{i:05d}.nii.gz,{'A' if i % 2 else 'B'},p{i:05d}")
with open(os.path.join(out, "manifest.csv"), "w") as f:
    f.write("\n".join(rows) + "\n")

#!/usr/bin/python3
"""Per-step median CPU milliseconds (process_time: the machine is shared) of the nibabel + scipy reference on one volume. Usage: reference_steps.py <volume> [reps]"""
import sys
import time

import nibabel as nib
import numpy as np
from scipy import ndimage

import reference_nibabel as ref

path, reps = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5
times = {}


def timed(step, f):
    start = time.process_time()
    result = f()
    times.setdefault(step, []).append((time.process_time() - start) * 1000)
    return result


for _ in range(reps):
    loaded = nib.load(path)
    data = timed("read (nibabel get_fdata float32)", lambda: loaded.get_fdata(dtype=np.float32))
    img = nib.Nifti1Image(data, loaded.affine)  # in memory, so reorienting does not re-read the file
    ras = timed("reorient (as_closest_canonical + get_fdata)", lambda: nib.as_closest_canonical(img).get_fdata(dtype=np.float32))
    ratio = np.full(3, ref.TARGET_SPACING)
    shape = tuple(int(np.floor(n / 3.0 + 0.5)) for n in ras.shape)
    small = timed("resample to 3 mm (affine_transform order 1)",
                  lambda: ndimage.affine_transform(ras, np.diag(ratio), output_shape=shape, order=1, mode="nearest", prefilter=False))
    timed("whole chain incl. read and write (reference_nibabel.process)", lambda: ref.process((path, "/tmp/ref-steps-out.nii.gz")))
for step, values in times.items():
    print(f"{step:60s} {sorted(values)[len(values) // 2]:8.1f} ms")

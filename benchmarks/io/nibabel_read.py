#!/usr/bin/python3
"""Times nibabel (and Python's gzip) on the files IoBenchmark wrote: /usr/bin/python3 nibabel_read.py <folder> [repeats]."""
import gzip
import os
import statistics
import sys
import time

import nibabel as nib
import numpy as np

folder = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 5


def median(fn):
    """Median wall seconds and mean CPU (process) seconds per run."""
    fn()
    times = []
    cpu = time.process_time()
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times), (time.process_time() - cpu) / repeats


nii, gz = os.path.join(folder, 'bench.nii'), os.path.join(folder, 'bench.nii.gz')
mb = np.prod(nib.load(nii).shape) * 4 / 1e6
print(f'nibabel {nib.__version__}, numpy {np.__version__}')
for what, fn in [
    ('nibabel load + read into a float32 array .nii', lambda: np.array(nib.load(nii).dataobj, dtype=np.float32, copy=True)),
    ('nibabel load + read into a float32 array .nii.gz', lambda: np.array(nib.load(gz).dataobj, dtype=np.float32, copy=True)),
    ('python gzip.decompress (plain decompression)', lambda: gzip.decompress(open(gz, 'rb').read())),
]:
    wall, cpu = median(fn)
    print(f'| {what} | {wall:.3f} | {mb / wall:.0f} | {cpu:.3f} | {mb / cpu:.0f} |')

#!/usr/bin/python3
"""Reads every cjdata/image of a folder of Figshare .mat files with h5py, as the C# benchmark does with PureHDF.

Usage: /usr/bin/python3 benchmarks/io/figshare/h5py_read.py <folder>
Prints one line: files, seconds and files/s for (a) h5py reading the int16 matrix, and (b) the same plus what
FigshareMatReader also does: transpose to row-major and convert to a float32 array.
"""
import glob
import os
import sys
import time

import h5py
import numpy as np


def main():
    files = sorted(glob.glob(os.path.join(sys.argv[1], '*.mat')))
    for what, convert in (('h5py read', False), ('h5py read + transpose to float32', True)):
        start, cpu = time.perf_counter(), time.process_time()
        total = 0.0
        for path in files:
            with h5py.File(path, 'r') as f:
                image = f['cjdata/image'][()]
            if convert:
                image = np.ascontiguousarray(image.T, dtype=np.float32)
            total += float(image[image.shape[0] // 2, image.shape[1] // 2])
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu
        print(f'{what}: {len(files)} files in {wall:.2f} s wall ({len(files) / wall:.0f} files/s), {cpu:.2f} s CPU (checksum {total:.0f})')


if __name__ == '__main__':
    main()

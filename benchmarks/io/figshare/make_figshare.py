#!/usr/bin/python3
"""Writes a Figshare-sized brain-tumour set: N MATLAB v7.3 files 1.mat ... N.mat like Cheng et al.'s.

Usage: /usr/bin/python3 benchmarks/io/figshare/make_figshare.py <folder> [n=3064]   (apt-get install python3-h5py)
Each file: HDF5 with a 512-byte user block holding MATLAB's text header; group cjdata with image (512x512 int16,
a smooth head-like disc with a brighter 'tumour' and Gaussian noise, stored column-major as MATLAB does, chunked and
deflate-compressed), label (double 1-3), PID (uint16 character codes, 13 slices per patient), tumorMask (uint8,
compressed) and tumorBorder (double). Nothing here is real data.
"""
import os
import sys

import h5py
import numpy as np

HEADER = b'MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 00:00:00 2024 HDF5 schema 1.00 .'


def slice_image(rng, n):
    y, x = np.mgrid[0:512, 0:512]
    r = np.hypot(x - 256 - 20 * np.sin(n), y - 256)
    head = np.where(r < 200, 600 - r, 0.0)
    ty, tx = 256 + 80 * np.cos(n * 0.7), 256 + 80 * np.sin(n * 0.7)
    tumour = np.hypot(x - tx, y - ty) < 25 + 10 * np.sin(n)
    image = head + 400 * tumour + rng.normal(0, 15, head.shape) * (r < 200)
    return np.clip(image, 0, 32767).astype(np.int16), tumour.astype(np.uint8)


def write(path, image, mask, label, pid):
    with h5py.File(path, 'w', userblock_size=512) as f:
        g = f.create_group('cjdata')

        def put(name, data, cls, **kw):
            g.create_dataset(name, data=data, **kw).attrs.create('MATLAB_class', np.bytes_(cls))

        put('image', image.T, 'int16', chunks=True, compression='gzip', compression_opts=3)
        put('label', np.array([[float(label)]]), 'double')
        put('PID', np.array([[ord(c)] for c in pid], dtype=np.uint16), 'char')
        put('tumorMask', mask.T, 'logical', chunks=True, compression='gzip', compression_opts=3)
        put('tumorBorder', np.arange(24, dtype=np.float64).reshape(24, 1), 'double')
    with open(path, 'r+b') as f:
        f.write(HEADER)


def main():
    folder, n = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 3064
    os.makedirs(folder, exist_ok=True)
    rng = np.random.default_rng(1512427)
    for i in range(1, n + 1):
        image, mask = slice_image(rng, i)
        patient = (i - 1) // 13
        write(os.path.join(folder, f'{i}.mat'), image, mask, patient % 3 + 1, f'{100000 + patient}')


if __name__ == '__main__':
    main()

"""The ImageNet arms of MriTransfer in PyTorch (imagenet_head, imagenet_finetune), written from
src/MriTransfer/Models/ImageNet (OnnxModelReader, ResNet18OnnxImporter, ResNet18Backbone, ConvBn, BasicBlock,
CntkImageNetInput, SliceImages, SliceSampling, ResNetSliceNet, ResNetSliceClassifier) and
src/MriTransfer/Training/ImageNet (ImageNetHeadTraining, ImageNetFineTuning, SliceClassifierTrainer).
The ResNet-18 weights are read from the same ONNX file of the NuGet package, with a protobuf wire-format reader of
its own (python3-onnx is not needed)."""
import copy
import hashlib
import math
import time
from pathlib import Path

import numpy
import torch
import torch.nn as nn
import torch.nn.functional as F

from twin_training import DATA_ORDER, WEIGHTS, KeptEpoch, derive, score, shuffled_batches

# ResNet18Package.cs: the file and its pinned SHA-256
ONNX_DEFAULT = Path.home() / ".nuget/packages/microsoft.ml.dnnimagefeaturizer.resnet18/0.23.1/tools/DnnImageModels/ResNet18Onnx/ResNet18.onnx"
ONNX_SHA256 = "e2552f19db2dfdb01b3669537b6a0f1b44da38d18279535492ed5dfc2ef1ff8f"
MEAN_BGR = [103.0626, 115.9029, 123.1516]  # CntkImageNetInput.cs: per-channel averages of ResNetPreprocess.onnx's MeanImage
BLOCKS_PER_STAGE = [2, 2, 2, 3]            # ResNet18Backbone.cs: the CNTK export's last stage has a third block
VAL_FLOOR = 1e-7                           # SliceClassifierTrainer.Evaluate: probability floor of the val loss
FEATURE_BATCH = 32                         # ResNetSliceClassifier.SubjectProbabilities: slices per forward at test time


class OnnxProblem(Exception):
    """The ONNX file is missing, altered, or not the graph this reader was written for."""


# --- a protobuf wire-format reader: only the onnx.proto fields OnnxModelReader.cs reads ---

def _varint(buf, i):
    result = shift = 0
    while True:
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        if b < 0x80:
            return result, i
        shift += 7


def _fields(buf):
    """(field number, wire type, value) of one message: value is an int (varint) or a memoryview (the rest)."""
    i, n = 0, len(buf)
    while i < n:
        tag, i = _varint(buf, i)
        number, wire = tag >> 3, tag & 7
        if wire == 0:
            value, i = _varint(buf, i)
        elif wire == 2:
            length, i = _varint(buf, i)
            value, i = buf[i:i + length], i + length
        elif wire in (1, 5):
            size = 8 if wire == 1 else 4
            value, i = buf[i:i + size], i + size
        else:
            raise OnnxProblem(f"unsupported protobuf wire type {wire}")
        yield number, wire, value


def _tensor(buf):
    """TensorProto: dims = 1, data_type = 2, float_data = 4, name = 8, raw_data = 9."""
    name, dims, data_type, floats, raw = "", [], 0, [], None
    for number, wire, value in _fields(buf):
        if number == 1:
            dims += [value] if wire == 0 else list(_packed_varints(value))
        elif number == 2:
            data_type = value
        elif number == 4:
            floats.append(numpy.frombuffer(bytes(value), "<f4"))
        elif number == 8:
            name = bytes(value).decode()
        elif number == 9:
            raw = numpy.frombuffer(bytes(value), "<f4")
    data = raw if raw is not None else (numpy.concatenate(floats) if floats else numpy.zeros(0, "<f4"))
    return name, dims, data_type, data


def _packed_varints(buf):
    i = 0
    while i < len(buf):
        v, i = _varint(buf, i)
        yield v


def _node(buf):
    """NodeProto: input = 1, output = 2, name = 3, op_type = 4."""
    node = {"inputs": [], "outputs": [], "name": "", "op": ""}
    for number, _, value in _fields(buf):
        if number in (1, 2, 3, 4):
            text = bytes(value).decode()
            if number == 1:
                node["inputs"].append(text)
            elif number == 2:
                node["outputs"].append(text)
            else:
                node["name" if number == 3 else "op"] = text
    return node


def read_onnx(path, content):
    """ModelProto.graph = 7; GraphProto node = 1, initializer = 5. Returns (nodes in file order, {name: array})."""
    buf = memoryview(content)
    graph = next((value for number, _, value in _fields(buf) if number == 7), None)
    if graph is None:
        raise OnnxProblem(f"{path}: not an ONNX model (no ModelProto.graph, field 7)")
    nodes, initializers = [], {}
    for number, _, value in _fields(graph):
        if number == 1:
            nodes.append(_node(value))
        elif number == 5:
            name, dims, data_type, data = _tensor(value)
            if data_type == 1:
                initializers[name] = data.reshape(dims)
    return nodes, initializers


def verified_onnx(path):
    """The file's bytes, once its SHA-256 is the pinned one."""
    path = Path(path)
    if not path.is_file():
        raise OnnxProblem(f"{path}: the ResNet-18 ONNX file is missing; `dotnet restore` in the repository puts the NuGet package "
                          "Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1 there, or pass --onnx FILE")
    content = path.read_bytes()
    digest = hashlib.sha256(content).hexdigest()
    if digest != ONNX_SHA256:
        raise OnnxProblem(f"{path}: SHA-256 {digest}, but the package ships {ONNX_SHA256}")
    return content


# --- the network ---

class ConvBn(nn.Module):
    """ConvBn.cs: convolution without bias, padded symmetrically by the export's begin pad, then batch norm (eps 1e-5)."""

    def __init__(self, cin, cout, kernel, stride, pad):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, kernel, stride, pad, bias=False)
        self.bn = nn.BatchNorm2d(cout, eps=1e-5)

    def forward(self, x):
        return self.bn(self.conv(x))


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1, self.conv2 = ConvBn(cin, cout, 3, stride, 1), ConvBn(cout, cout, 3, 1, 1)
        self.downsample = ConvBn(cin, cout, 1, stride, 0) if stride != 1 or cin != cout else None

    def layers_in_graph_order(self):  # BasicBlock.cs: the shortcut first
        return ([self.downsample] if self.downsample is not None else []) + [self.conv1, self.conv2]

    def forward(self, x):
        shortcut = x if self.downsample is None else self.downsample(x)
        return F.relu(self.conv2(F.relu(self.conv1(x))) + shortcut)


class ResNet18(nn.Module):
    """ResNet18Backbone.cs: 7×7/2 stem, 3×3/2 max pool (pad 1), stages of 2, 2, 2, 3 basic blocks, global average pool."""

    def __init__(self):
        super().__init__()
        self.stem = ConvBn(3, 64, 7, 2, 3)
        widths, cin, stages = [64, 128, 256, 512], 64, []
        for i, (width, blocks) in enumerate(zip(widths, BLOCKS_PER_STAGE)):
            stride = 1 if i == 0 else 2
            stages.append(nn.Sequential(*[BasicBlock(cin if b == 0 else width, width, stride if b == 0 else 1) for b in range(blocks)]))
            cin = width
        self.layer1, self.layer2, self.layer3, self.layer4 = stages

    def groups_by_depth(self):  # ParameterGroupsByDepth: shallowest first
        return [(name, list(getattr(self, name).parameters())) for name in ["stem", "layer1", "layer2", "layer3", "layer4"]]

    def layers_in_graph_order(self):
        return [self.stem] + [layer for stage in [self.layer1, self.layer2, self.layer3, self.layer4]
                              for block in stage for layer in block.layers_in_graph_order()]

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.stem(x)), 3, 2, 1)
        for stage in [self.layer1, self.layer2, self.layer3, self.layer4]:
            x = stage(x)
        return F.adaptive_avg_pool2d(x, 1).flatten(1)


def load_pretrained(path):
    """ResNet18OnnxImporter.cs: the graph's Conv → BatchNormalization pairs in node order onto the layers in graph order."""
    nodes, init = read_onnx(path, verified_onnx(path))
    consumer = {}
    for n in nodes:
        if n["op"] == "BatchNormalization":
            consumer[n["inputs"][0]] = n
    pairs = [(n, consumer.get(n["outputs"][0])) for n in nodes if n["op"] == "Conv"]
    net = ResNet18()
    layers = net.layers_in_graph_order()
    problems = [f"Conv node {c['name']}: does not feed a BatchNormalization" for c, b in pairs if b is None]
    if len(pairs) != len(layers):
        problems.append(f"the graph has {len(pairs)} Conv→BatchNormalization pairs; ResNet-18 (CNTK) has {len(layers)}")
    if problems:
        raise OnnxProblem(f"{path}: not the expected CNTK ResNet-18 graph: " + "; ".join(problems))
    with torch.no_grad():
        for (conv, norm), layer in zip(pairs, layers):
            targets = [layer.conv.weight, layer.bn.weight, layer.bn.bias, layer.bn.running_mean, layer.bn.running_var]
            for name, target in zip([conv["inputs"][1]] + norm["inputs"][1:5], targets):
                value = init.get(name)
                if value is None or tuple(value.shape) != tuple(target.shape):
                    raise OnnxProblem(f"{path}: initializer {name} is {None if value is None else value.shape}, expected {tuple(target.shape)}")
                target.copy_(torch.from_numpy(numpy.array(value)))
    return net


class SliceNet(nn.Module):
    """ResNetSliceNet.cs: RGB in [0, 1] → BGR × 255 minus the mean → ResNet-18 → linear head."""

    def __init__(self, backbone, classes):
        super().__init__()
        self.backbone, self.head = backbone, nn.Linear(512, classes)
        self.register_buffer("mean", torch.tensor(MEAN_BGR).view(1, 3, 1, 1))

    def features(self, rgb01):
        return self.backbone(rgb01.flip(1) * 255 - self.mean)

    def forward(self, rgb01):
        return self.head(self.features(rgb01))


# --- images ---

def centre_slices(depth, slices, spacing):
    """SliceSampling.CentreSliceIndices (rounding half away from zero), clamped to the volume."""
    centre = (depth - 1) / 2.0
    indices = []
    for i in range(slices):
        z = centre + (i - (slices - 1) / 2.0) * spacing
        indices.append(min(max(int(math.floor(abs(z) + 0.5)) * (1 if z >= 0 else -1), 0), depth - 1))
    return indices


def slice_images(volumes, sampling):
    """SliceImages.FromVolume for (N, 1, z, y, x) volumes: per subject its 0.5th/99.5th percentiles (nearest rank,
    round half to even as Math.Round) to 0 and 1, clipped; slices z−1, z, z+1 as R, G, B; bilinear to size². Returns
    (images [N·S, 3, size, size], subject of each image)."""
    size, slices, spacing = sampling["image_size"], sampling["slices"], sampling["slice_spacing"]
    images, owner = [], []
    for s, volume in enumerate(volumes[:, 0]):
        flat = volume.flatten().sort().values
        low, high = flat[round(0.005 * (len(flat) - 1))], flat[round(0.995 * (len(flat) - 1))]
        scale = 1.0 / (high - low) if high > low else 0.0
        voxels = ((volume - low) * scale).clamp(0, 1)
        depth = voxels.shape[0]
        centres = centre_slices(depth, slices, spacing)
        index = torch.tensor([k for z in centres for k in (max(z - 1, 0), z, min(z + 1, depth - 1))])
        planes = voxels.index_select(0, index).reshape(len(centres), 3, *voxels.shape[1:])
        images.append(F.interpolate(planes, size=(size, size), mode="bilinear", align_corners=False))
        owner += [s] * len(centres)
    return torch.cat(images), torch.tensor(owner)


# --- training ---

@torch.no_grad()
def subject_probabilities(forward, x, owner, subjects):
    """Mean of each subject's slice softmax probabilities (ResNetSliceClassifier, SubjectScores.MeanBySubject)."""
    p = torch.cat([torch.softmax(forward(x[i:i + FEATURE_BATCH]), 1) for i in range(0, len(x), FEATURE_BATCH)]).double()
    sums = torch.zeros(subjects, p.shape[1], dtype=torch.float64).index_add_(0, owner, p)
    return (sums / torch.bincount(owner, minlength=subjects).unsqueeze(1)).float()


def fit(name, model, forward, set_training, groups, train, val, cfg, batch, seed, classes, log):
    """SliceClassifierTrainer.Train: Adam per group on slice cross-entropy (unweighted), subject-level val, the lowest
    val loss (by more than 1e-6) kept, early stopping after patience epochs without it."""
    (x, y, owner), (vx, vy, vowner) = train, val
    optimizer = torch.optim.Adam([{"params": p, "lr": lr} for p, lr in groups if lr > 0])
    slice_labels = y[owner]
    kept, steps = KeptEpoch(name, cfg["patience"], lambda val, best: val[0] < best[0] - 1e-6), 0
    for epoch in range(cfg["epochs"]):
        if not kept.go_on():
            break
        set_training(True)
        total = 0.0
        for rows in shuffled_batches(len(slice_labels), batch, numpy.random.default_rng([seed, DATA_ORDER, epoch])):
            rows = torch.as_tensor(rows)
            loss = F.cross_entropy(forward(x[rows]), slice_labels[rows])
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            steps += 1
            total += loss.item() * len(rows)
        set_training(False)
        val_score = score(subject_probabilities(forward, vx, vowner, len(vy)), vy, classes, VAL_FLOOR)
        kept.offer(epoch, val_score, model)
        log(f"  {name} epoch {epoch + 1}/{cfg['epochs']} train_loss {total / len(slice_labels):.4f} "
            f"val_loss {val_score[0]:.4f} val_balanced_accuracy {val_score[1]:.4f}")
    set_training(False)
    return {**kept.restore(model), "steps": steps}


def relative_change(before, parameters):
    """WeightChange.cs: ‖θ_after − θ_before‖ / ‖θ_before‖ over all backbone parameters."""
    moved = sum(float((p.detach() - b).pow(2).sum()) for p, b in zip(parameters, before))
    return math.sqrt(moved) / math.sqrt(sum(float(b.pow(2).sum()) for b in before))


def imagenet_runner(s, seed, classes, data, onnx, log):
    """ImageNetHeadTraining.cs and ImageNetFineTuning.cs; returns result(arm) like experiment_twin.arm_runner."""
    cfg, done = s["imagenet"], {}
    splits = {}  # name: (images, subject labels, subject of each image), as fit takes them
    for name, (x, y) in data.items():
        images, owner = slice_images(x, cfg)
        splits[name] = (images, y, owner)
    log(f"  imagenet slices at z = {centre_slices(data['train'][0].shape[2], cfg['slices'], cfg['slice_spacing'])} "
        f"(±1 as R and B), {cfg['image_size']} px")

    def predict(net):
        x, y, owner = splits["test"]
        return subject_probabilities(net, x, owner, len(y)).numpy().argmax(1)

    def head():
        net = SliceNet(load_pretrained(onnx), len(classes))
        generator = torch.Generator().manual_seed(derive(seed, WEIGHTS))
        bound = 1 / math.sqrt(512)  # ResNetSliceNet.ResetHead: uniform ±1/√512
        with torch.no_grad():
            for p in net.head.parameters():
                p.copy_(torch.rand(p.shape, generator=generator) * 2 * bound - bound)
        net.eval()
        net.backbone.requires_grad_(False)
        with torch.no_grad():  # features once, no augmentation
            features = {name: torch.cat([net.features(x[i:i + cfg["batch_size"]]) for i in range(0, len(x), cfg["batch_size"])])
                        for name, (x, _, _) in splits.items() if name != "test"}
        train, val = ((features[name], *splits[name][1:]) for name in ["train", "val"])
        r = fit("imagenet_head", net.head, net.head, net.head.train, [(list(net.head.parameters()), cfg["head"]["lr"])],
                train, val, cfg["head"], cfg["batch_size"], seed, len(classes), log)
        return {**r, "net": net, "lr": cfg["head"]["lr"], "encoder_relative_change": 0.0}

    def finetune():
        start = result("imagenet_head")["net"]
        net = copy.deepcopy(start)
        f = cfg["finetune"]
        groups = net.backbone.groups_by_depth()
        rates = [f["backbone_lr"] * f["layer_decay"] ** (len(groups) - 1 - i) for i in range(len(groups))]
        for (_, params), lr in zip(groups, rates):
            for p in params:
                p.requires_grad_(lr > 0)
        backbone = [p for _, params in groups for p in params]
        before = [p.detach().clone() for p in backbone]

        def set_training(on):  # TrainHeadKeepBatchNormFrozen: batch norm keeps its ImageNet statistics
            net.train(on)
            net.backbone.eval()

        r = fit("imagenet_finetune", net, net, set_training, [(list(net.head.parameters()), f["lr"])] + list(zip([p for _, p in groups], rates)),
                splits["train"], splits["val"], f, cfg["batch_size"], seed, len(classes), log)
        return {**r, "net": net, "lr": f["lr"], "encoder_relative_change": relative_change(before, backbone)}

    def result(arm):
        if arm not in done:
            start = time.perf_counter()
            r = head() if arm == "imagenet_head" else finetune()
            r["seconds"] = time.perf_counter() - start
            r["predict"] = lambda: predict(r["net"])
            done[arm] = r
        return done[arm]

    return result

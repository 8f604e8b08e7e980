"""The training loop of MriTransfer's encoder classifiers in PyTorch: src/MriTransfer/Training/ClassifierTraining.cs,
EncoderClassifierSteps.cs, FrozenFeatures.cs, NormAdaptation.cs, LearningRateSchedule.cs, OptimizerFactory.cs,
SampleSet.cs (batches), Loop/EpochLoop.cs and Loop/Monitor.cs (kept epoch, early stopping), Evaluation/SubjectScores.cs
and ClassificationMetrics.cs (balanced accuracy). A plan says what trains (see experiment_twin.arm_runner)."""
import copy
import math

import numpy
import torch
import torch.nn.functional as F

from twin_model import augment

DATA_ORDER, AUGMENTATION, DROPOUT, WEIGHTS = 1, 2, 4, 5  # src/MriTransfer/Randomness/Seeds.cs streams
EVALUATION_VOXELS = 1 << 22                              # SampleSet.cs: input voxels per evaluation batch


def derive(*parts):
    """A seed from (seed, stream, ...), as Seeds.Derive does (other numbers: bit-identical weights are not the aim)."""
    return int(numpy.random.SeedSequence([int(p) for p in parts]).generate_state(1)[0])


def lr_factor(opt, epoch, total, warmup):
    """LearningRateSchedule.cs: linear warm-up, then cosine to 1 %, step or constant."""
    if epoch < warmup:
        return (epoch + 1.0) / (warmup + 1.0)
    e, span = epoch - warmup, max(1, total - warmup - 1)
    if opt["schedule"] == "cosine":
        return 0.01 + 0.99 * 0.5 * (1 + math.cos(math.pi * min(e, span) / span))
    return opt["step_gamma"] ** (e // opt["step_size"]) if opt["schedule"] == "step" else 1.0


def shuffled_batches(count, size, rng):
    """SampleSet.cs: Shuffled; a trailing batch of one joins the batch before it."""
    order = rng.permutation(count)
    batches = [order[i:i + size] for i in range(0, count, size)]
    if len(batches) > 1 and len(batches[-1]) == 1:
        batches[-2:] = [numpy.concatenate(batches[-2:])]
    return batches


def balanced_accuracy(truth, predicted, classes):
    """ClassificationMetrics.cs: mean recall over the classes present in truth."""
    recalls = [float((predicted[truth == k] == k).mean()) for k in range(classes) if (truth == k).any()]
    return sum(recalls) / len(recalls)


def score(probabilities, labels, classes, floor=1e-12):
    """SubjectScores.cs: NLL with probabilities floored (the encoder classifiers at 1e-12), prediction = first largest class."""
    p, y = probabilities.numpy(), labels.numpy()
    nll = -numpy.log(numpy.maximum(p[numpy.arange(len(y)), y], floor)).mean()
    return float(nll), balanced_accuracy(y, p.argmax(1), classes)


def better(monitor, candidate, best):
    """Loop/Monitor.cs: higher balanced accuracy (ties: lower loss), or lower loss."""
    if monitor == "val_loss":
        return candidate[0] < best[0]
    return candidate[1] > best[1] or (candidate[1] == best[1] and candidate[0] < best[0])


class KeptEpoch:
    """Loop/EpochLoop.cs's bookkeeping: a finite validation loss or a stop, the weights of the best epoch by is_better
    kept, early stopping after `patience` epochs without one."""

    def __init__(self, name, patience, is_better):
        self.name, self.patience, self.is_better = name, patience, is_better
        self.best = self.state = None
        self.best_epoch = self.bad = self.epochs_run = 0

    def go_on(self):
        return self.bad < self.patience

    def offer(self, epoch, val, model):
        if not math.isfinite(val[0]):
            raise FloatingPointError(f"{self.name}: the validation loss became {val[0]} at epoch {epoch + 1}")
        self.epochs_run += 1
        if self.best is None or self.is_better(val, self.best):
            self.best, self.state, self.best_epoch, self.bad = val, copy.deepcopy(model.state_dict()), epoch + 1, 0
        else:
            self.bad += 1

    def restore(self, model):
        model.load_state_dict(self.state)
        return {"val_loss": self.best[0], "val_balanced_accuracy": self.best[1], "best_epoch": self.best_epoch,
                "epochs_run": self.epochs_run}


@torch.no_grad()
def in_chunks(fn, x, minimum):
    size = max(minimum, min(len(x), EVALUATION_VOXELS // x[0].numel()), 1)
    return torch.cat([fn(x[i:i + size]) for i in range(0, len(x), size)], 0)


def probabilities(model, x, batch):
    model.eval()
    return in_chunks(lambda b: torch.softmax(model(b), 1), x, batch)


def frozen_features(model, x, batch, flip):
    """FrozenFeatures.cs: the pooled readout of every sample (eval mode), of the flipped samples with flip."""
    model.eval()
    return in_chunks(lambda b: model.pooled(b.flip(-1) if flip else b), x, max(batch, 16))


@torch.no_grad()
def adapt_norm(encoder, x, batch):
    """NormAdaptation.cs (head.adapt_norm, AdaBN): batch-norm running statistics re-estimated as a cumulative average."""
    norms = [m for m in encoder.modules() if isinstance(m, torch.nn.modules.batchnorm._BatchNorm) and m.track_running_stats]
    momenta = [m.momentum for m in norms]
    for m in norms:
        m.reset_running_stats()
        m.momentum = None
    encoder.train()
    with torch.no_grad():
        for i in range(0, len(x), batch):
            encoder(x[i:i + batch])
    encoder.eval()
    for m, momentum in zip(norms, momenta):
        m.momentum = momentum


def train(plan, data, s, seed, classes, log):
    """ClassifierTraining.cs + EncoderClassifierSteps.cs + Loop/EpochLoop.cs: returns the kept (best) model and its score.
    plan: name, model, lr (base), groups [(parameters, lr multiplier)], eval_modules (frozen: eval mode in training),
    frozen (the encoder is frozen: the head trains on stored features), fit_standardizer (a new head)."""
    c, opt = s["classifier"], s["classifier"]
    model, groups = plan["model"], [g for g in plan["groups"] if g[0]]
    (train_x, train_y), (val_x, val_y) = data["train"], data["val"]
    batch, flips = c["batch_size"], c["augment"]["flip"]
    cached = val_cached = None
    if plan["frozen"]:
        cached = (frozen_features(model, train_x, batch, False), frozen_features(model, train_x, batch, True) if flips else None)
        val_cached = frozen_features(model, val_x, batch, False)
    if plan["fit_standardizer"]:
        pooled = cached[0] if cached else frozen_features(model, train_x, batch, False)
        with torch.no_grad():
            model.head.norm.fit(model.readout(pooled))
    optimizer = (torch.optim.Adam if opt["optimizer"] == "adam" else torch.optim.AdamW)(
        [{"params": p, "lr": plan["lr"] * m, "weight_decay": opt["weight_decay"]} for p, m in groups])
    counts = torch.bincount(train_y, minlength=len(classes)).float()
    weights = len(train_y) / (len(classes) * counts) if c["class_weighted"] else torch.ones(len(classes))
    kept, steps = KeptEpoch(plan["name"], c["patience"], lambda val, best: better(c["monitor"], val, best)), 0
    for epoch in range(c["epochs"]):
        if not kept.go_on():
            break
        factor = lr_factor(opt, epoch, c["epochs"], c["warmup_epochs"])
        for group, (_, multiplier) in zip(optimizer.param_groups, groups):
            group["lr"] = plan["lr"] * multiplier * factor
        model.train()
        for module in plan["eval_modules"]:
            module.eval()
        torch.manual_seed(derive(seed, DROPOUT, epoch))
        batches = shuffled_batches(len(train_y), batch, numpy.random.default_rng([seed, DATA_ORDER, epoch]))
        total = 0.0
        for b, rows in enumerate(batches):
            generator = torch.Generator().manual_seed(derive(seed, AUGMENTATION, epoch, b))
            rows = torch.as_tensor(rows)
            if cached is None:
                logits = model(augment(train_x[rows], c["augment"], generator))
            else:
                pooled = cached[0][rows]
                if flips:
                    flip = (torch.rand(len(rows), generator=generator) < 0.5).view(-1, *[1] * (pooled.dim() - 1))
                    pooled = torch.where(flip, cached[1][rows], pooled)
                logits = model.from_pooled(pooled)
            loss = F.cross_entropy(logits, train_y[rows], weight=weights)
            if not math.isfinite(loss.item()):
                raise FloatingPointError(f"{plan['name']}: the loss became {loss.item()} at epoch {epoch + 1}, batch {b + 1}")
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            steps += 1
            total += loss.item() * len(rows)
        if val_cached is None:
            val_p = probabilities(model, val_x, batch)
        else:
            model.eval()
            with torch.no_grad():
                val_p = torch.softmax(model.from_pooled(val_cached), 1)
        val = score(val_p, val_y, len(classes))
        kept.offer(epoch, val, model)
        log(f"  {plan['name']} lr {plan['lr']:g} epoch {epoch + 1}/{c['epochs']} train_loss {total / len(train_y):.4f} "
            f"val_loss {val[0]:.4f} val_balanced_accuracy {val[1]:.4f}")
    return {**kept.restore(model), "model": model, "steps": steps, "lr": plan["lr"]}

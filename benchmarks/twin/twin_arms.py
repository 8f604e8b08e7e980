"""The arms the twin retrains, by the names of metrics.json's variants (one list for experiment_twin.py and over_seeds.py)."""
ENCODER_ARMS = ["scratch", "head", "finetune", "bt_head", "bt_finetune"]
IMAGENET_ARMS = ["imagenet_head", "imagenet_finetune"]  # not in the learning curve
ARMS = ENCODER_ARMS + IMAGENET_ARMS

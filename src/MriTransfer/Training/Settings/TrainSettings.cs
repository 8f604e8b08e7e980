namespace MriTransfer.Training.Settings;

/// <summary><c>train.*</c>, set per learning-curve cell: the seed of a classifier's weights and data order, and the labelled fraction of BT train it sees.</summary>
public sealed record TrainSettings(int Seed, double LabelFraction);

namespace Pipeline.Engine;

/// <summary>The fluent builder a <see cref="Target"/> property fills in: a described group of stages and targets.</summary>
public sealed class TargetDefinition
{
    internal TargetDefinition(string name) => Name = name;

    public string Name { get; }
    internal string DescriptionText { get; private set; } = "";
    internal List<Stage> Stages { get; } = [];
    internal List<Target> Targets { get; } = [];

    public TargetDefinition Description(string text) { DescriptionText = text; return this; }

    /// <summary>Runs these stages (and everything upstream of them).</summary>
    public TargetDefinition DependsOn(params Stage[] stages) { Stages.AddRange(stages); return this; }

    /// <summary>Runs these targets' stages too.</summary>
    public TargetDefinition DependsOn(params Target[] targets) { Targets.AddRange(targets); return this; }
}

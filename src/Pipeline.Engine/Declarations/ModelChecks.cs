namespace Pipeline.Engine;

/// <summary>Checks a build definition once at start-up: every mistake in build/ is reported together.</summary>
internal static class ModelChecks
{
    public static IEnumerable<string> Problems(PipelineModel model)
    {
        var schemaKeys = model.Schema.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var duplicate in model.Schema.GroupBy(s => s.Key).Where(g => g.Count() > 1))
            yield return $"params key '{duplicate.Key}' is declared {duplicate.Count()} times";
        foreach (var clash in model.StagesByName.Keys.Intersect(model.TargetsByName.Keys))
            yield return $"'{clash}' is both a stage and a target";
        foreach (var stage in model.Stages)
        {
            var where = $"stage {stage.Name}";
            if ((stage.ProjectPath is null) == (stage.Program is null))
                yield return $"{where} needs exactly one of .Project(path) or .Command(program, args)";
            foreach (var key in stage.ParamKeys.Where(k => !ParamValues.Expand(k, schemaKeys).Any()))
                yield return $"{where} reads params '{key}', which the params schema does not declare{EditDistance.Suggest(key, schemaKeys)}";
            if (stage.ThreadsKey is { } threads && (model.Schema.FirstOrDefault(s => s.Key == threads)?.Type != ParamType.Int || !stage.ParamKeys.Any(k => ParamValues.Expand(k, [threads]).Any())))
                yield return $"{where} takes its threads from '{threads}', which must be an integer params key the stage also reads (.Params)";
            foreach (var axis in stage.Axes)
            {
                var over = model.Schema.FirstOrDefault(s => s.Key == axis.Over);
                var sets = model.Schema.FirstOrDefault(s => s.Key == axis.Sets);
                if (over is null || !over.Type.IsList())
                    yield return $"{where} matrix axis '{axis.Name}' runs over '{axis.Over}', which must be a list key of the params schema";
                else if (axis.Sets is null)
                {
                    if (!stage.Inputs.Any(i => i.Upstream is not null && model.StagesByName[model.NameOf(i.Upstream)].Axes.Any(u => u.Name == axis.Name && u.Over == axis.Over)))
                        yield return $"{where} matrix axis '{axis.Name}' sets no params key, so one of its inputs must be a matrix stage with that axis (over '{axis.Over}'): it only picks that input's instance";
                }
                else if (sets is null || sets.Type.IsList() || (sets.Type != over.Type.ElementType() && !(sets.Type == ParamType.Double && over.Type == ParamType.IntList)))
                    yield return $"{where} matrix axis '{axis.Name}' sets '{axis.Sets}', which must be a params key of the list's element type";
            }
            foreach (var group in stage.Inputs.GroupBy(i => i.Name).Where(g => g.Count() > 1))
                yield return $"{where} declares input '{group.Key}' {group.Count()} times";
            foreach (var input in stage.Inputs.Where(i => i.Upstream is not null))
            {
                string? problem = null;
                try { model.NameOf(input.Upstream!); }
                catch (UsageException e) { problem = $"{where} input '{input.Name}': {e.Message}"; }
                if (problem is not null) yield return problem;
            }
        }
        foreach (var target in model.Targets)
            if (target.Stages.Count == 0 && target.Targets.Count == 0)
                yield return $"target {target.Name} depends on nothing";
    }
}

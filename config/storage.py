"""Static files in production: hashed names and .gz/.br copies (WhiteNoise), without
following the vendored files' source-map comments (the .map files are not shipped, and
collectstatic stops on the first reference it cannot find)."""

from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns):
    kept = []
    for glob, rules in patterns:
        rules = tuple(
            rule
            for rule in rules
            if "sourceMappingURL" not in (rule if isinstance(rule, str) else rule[0])
        )
        if rules:
            kept.append((glob, rules))
    return tuple(kept)


class StaticStorage(CompressedManifestStaticFilesStorage):
    patterns = _without_source_maps(CompressedManifestStaticFilesStorage.patterns)

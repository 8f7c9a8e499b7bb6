"""Simplify governorate outlines for phones (Shapely), dropping islets below the tolerance
but always keeping the largest part."""

import shapely
from shapely.geometry import MultiPolygon, Polygon, mapping, shape


def simplify_geometry(geometry: dict, tolerance: float, precision: int = 4) -> dict:
    """Simplify a GeoJSON Polygon or MultiPolygon (topology preserved) and round its
    coordinates to ``precision`` decimals."""
    kind = geometry.get("type")
    if kind not in ("Polygon", "MultiPolygon"):
        raise ValueError(f"unsupported geometry type: {kind!r}")
    original = shape(geometry)
    parts = list(original.geoms) if isinstance(original, MultiPolygon) else [original]
    grid = 10**-precision
    kept = []
    for part in parts:
        simple = shapely.set_precision(part.simplify(tolerance, preserve_topology=True), grid)
        if isinstance(simple, Polygon) and not simple.is_empty and simple.area >= tolerance**2:
            kept.append(simple)
    if not kept:
        largest = max(parts, key=lambda p: p.area)
        kept = [shapely.set_precision(largest, grid)]
    result = kept[0] if kind == "Polygon" else MultiPolygon(kept)
    return _lists(mapping(result))


def _lists(value):
    """GeoJSON with lists (JSONField round-trips lists, not tuples)."""
    if isinstance(value, dict):
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_lists(v) for v in value]
    return value

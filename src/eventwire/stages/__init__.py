"""The pipeline's stages, one module (or, for clean and actors, one package) each, in pipeline order.

read (readers.py) -> extract -> clean -> language -> dedup -> sentences -> mentions -> dates -> actors
-> places -> events. ``eventwire.stages.default_stages`` builds the list the CLI runs.
"""

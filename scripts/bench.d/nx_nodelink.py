#!/usr/bin/env python3
"""nx_nodelink.py IN OUT — the NetworkX peer of `allynet convert IN OUT` for node-link JSON:
json.load + node_link_graph, then node_link_data + json.dump."""
import json, sys
from networkx.readwrite import json_graph

with open(sys.argv[1]) as f:
    G = json_graph.node_link_graph(json.load(f))
with open(sys.argv[2], "w") as f:
    json.dump(json_graph.node_link_data(G), f)

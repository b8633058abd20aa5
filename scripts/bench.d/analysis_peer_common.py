"""analysis_peer_common.py — what both Python peers of the analysis benchmark share: reading the
signed edge list and the two signed measures neither library has (PN centrality and the signed
eigenvector), computed with SciPy the same way allynet defines them."""
import csv

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as sla


def read_edges(path):
    """(ids sorted, [(source index, target index, weight)]) from source,target,weight[,...]."""
    rows = [(r["source"], r["target"], float(r["weight"])) for r in csv.DictReader(open(path))]
    ids = sorted({a for a, _, _ in rows} | {b for _, b, _ in rows})
    ix = {v: i for i, v in enumerate(ids)}
    return ids, [(ix[a], ix[b], w) for a, b, w in rows]


def signed_parts(n, edges):
    """Symmetric P and N (magnitudes, both directions of a pair added)."""
    a = np.array([e[0] for e in edges]); b = np.array([e[1] for e in edges])
    w = np.array([e[2] for e in edges])
    P = sp.coo_matrix((np.where(w > 0, w, 0), (a, b)), shape=(n, n)).tocsr()
    N = sp.coo_matrix((np.where(w < 0, -w, 0), (a, b)), shape=(n, n)).tocsr()
    return P + P.T, N + N.T


def pn(n, edges):
    P, N = signed_parts(n, edges)
    top = max(P.max(), N.max())
    A = (P - 2 * N) / top
    M = sp.identity(n, format="csc") - A / (2 * n - 2)
    return sla.spsolve(M.tocsc(), np.ones(n))


def signed_eigenvector(n, edges):
    P, N = signed_parts(n, edges)
    vals, vecs = sla.eigsh((P - N).astype(float), k=2, which="LM")
    i = int(np.argmax(np.abs(vals)))
    x = vecs[:, i]
    return x / x[np.argmax(np.abs(x))]

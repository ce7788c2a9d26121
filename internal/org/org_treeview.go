package org

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"kexie/internal/access"
	"kexie/internal/web"
)

// treeCap is how many children one node of the side tree lists; the rest
// are a "more" link to the node's table, which pages through all of them.
const treeCap = 100

// TreeNode is one org of the side tree on the org page.
type TreeNode struct {
	*Org          // shared with the View cache: read only
	Open     bool // expanded: on the way to the selected org
	Selected bool
	Home     bool // the user's own org, listed first
	Children []TreeNode
	More     string // "还有 N 个…" when children were left to the table
}

// sideTree builds the side tree: the user's own org first (when it is not
// already a top of the scope), then the top orgs of the scope, expanded
// along the path to cur, siblings in tree order (treeOrder).
func (h *handler) sideTree(r *http.Request, vw *View, scope access.Scope, cur Org) ([]TreeNode, error) {
	ctx := r.Context()
	var tops []Org
	if scope.All() {
		root, err := vw.Root(ctx)
		if err != nil {
			return nil, err
		}
		tops = append(tops, root)
	} else {
		for _, p := range scope.Paths() {
			ids := PathIDs(p)
			if len(ids) == 0 {
				continue
			}
			o, err := vw.Get(ctx, ids[len(ids)-1])
			if err != nil {
				return nil, err
			}
			tops = append(tops, o)
		}
	}
	var out []TreeNode
	if id := web.IdentityFrom(ctx); id != nil && id.CurrentOrgID != 0 {
		home, err := vw.Get(ctx, id.CurrentOrgID)
		isTop := false
		for _, t := range tops {
			isTop = isTop || t.ID == home.ID
		}
		if err == nil && !isTop && scope.Contains(home.Path) {
			n, err := h.treeNode(ctx, r, vw, &home, cur)
			if err != nil {
				return nil, err
			}
			n.Home = true
			out = append(out, n)
		}
	}
	for i := range tops {
		n, err := h.treeNode(ctx, r, vw, &tops[i], cur)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// treeNode returns o as a node, its children listed when it lies on the
// path to cur.
func (h *handler) treeNode(ctx context.Context, r *http.Request, vw *View, o *Org, cur Org) (TreeNode, error) {
	n := TreeNode{Org: o, Selected: o.ID == cur.ID, Open: strings.HasPrefix(cur.Path, o.Path) && o.ChildCount > 0}
	if !n.Open {
		return n, nil
	}
	kids, err := vw.Children(ctx, *o, "tree", treeCap, 0)
	if err != nil {
		return n, err
	}
	n.Children = make([]TreeNode, 0, len(kids))
	for i := range kids {
		c, err := h.treeNode(ctx, r, vw, &kids[i], cur)
		if err != nil {
			return n, err
		}
		n.Children = append(n.Children, c)
	}
	if o.ChildCount > len(kids) {
		n.More = h.site.T(r)("org.tree.more", o.ChildCount-len(kids))
	}
	return n, nil
}

// treeChildren answers the side tree's expand (GET /orgs/tree?parent=ID):
// the children of one org as list items, collapsed, for kexie.js to insert.
func (h *handler) treeChildren(w http.ResponseWriter, r *http.Request) error {
	id, _ := strconv.ParseInt(r.URL.Query().Get("parent"), 10, 64)
	vw, err := h.store.View(r.Context())
	if err != nil {
		return err
	}
	o, err := vw.Get(r.Context(), id)
	if err != nil {
		return err
	}
	if !h.scope(r).Contains(o.Path) {
		return web.ErrNotFound
	}
	n, err := h.treeNode(r.Context(), r, vw, &o, o)
	if err != nil {
		return err
	}
	for i := range n.Children {
		n.Children[i].Open = false
		n.Children[i].Children = nil
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	return treeList(n.Children, n.More, o.ID).Render(r.Context(), w)
}

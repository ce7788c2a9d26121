package web

import (
	"strconv"
	"text/template/parse"
)

// foldTranslations replaces every {{.T "key"}} and {{$.T "key"}} — a
// translation with a literal key and no arguments — by the constant
// translation tr(key), so rendering no longer calls View.T through
// reflection for each label. html/template still escapes the constant for
// its context when it escapes the set. Only View has a method T, so a T
// with a literal key is always a translation.
func foldTranslations(n parse.Node, tr func(key string) string) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			foldTranslations(c, tr)
		}
	case *parse.ActionNode:
		foldTranslations(n.Pipe, tr)
	case *parse.IfNode:
		foldBranch(&n.BranchNode, tr)
	case *parse.RangeNode:
		foldBranch(&n.BranchNode, tr)
	case *parse.WithNode:
		foldBranch(&n.BranchNode, tr)
	case *parse.TemplateNode:
		foldTranslations(n.Pipe, tr)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			foldTranslations(c, tr)
		}
	case *parse.ChainNode:
		foldTranslations(n.Node, tr)
	case *parse.CommandNode:
		if len(n.Args) == 2 && isTranslate(n.Args[0]) {
			if key, ok := n.Args[1].(*parse.StringNode); ok {
				text := tr(key.Text)
				key.Text, key.Quoted = text, strconv.Quote(text)
				n.Args = n.Args[1:]
				return
			}
		}
		for _, a := range n.Args {
			foldTranslations(a, tr)
		}
	}
}

func foldBranch(b *parse.BranchNode, tr func(string) string) {
	foldTranslations(b.Pipe, tr)
	foldTranslations(b.List, tr)
	foldTranslations(b.ElseList, tr)
}

// isTranslate reports whether n names View.T as .T or $.T.
func isTranslate(n parse.Node) bool {
	switch n := n.(type) {
	case *parse.FieldNode:
		return len(n.Ident) == 1 && n.Ident[0] == "T"
	case *parse.VariableNode:
		return len(n.Ident) == 2 && n.Ident[0] == "$" && n.Ident[1] == "T"
	}
	return false
}

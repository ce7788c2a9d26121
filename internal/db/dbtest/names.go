package dbtest

import (
	"math/rand/v2"
	"strings"
)

var (
	surnames   = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	givenNames = []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬鹏辉建文波宁欣怡子涵梓轩浩宇晨璟琮婧翀")
)

// PersonName is a name as a benchmark's people are named: a common surname
// and one or two given-name characters, drawn from r (seeded, so a run
// makes the same names every time).
func PersonName(r *rand.Rand) string {
	var s strings.Builder
	s.WriteRune(surnames[r.IntN(len(surnames))])
	for k := 1 + r.IntN(2); k > 0; k-- {
		s.WriteRune(givenNames[r.IntN(len(givenNames))])
	}
	return s.String()
}

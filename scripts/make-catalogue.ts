/**
 * Writes resources/catalogue.json: a sample catalogue of everyday Chinese retail goods with
 * EAN-13 barcodes (GS1 China prefix 690–699, valid check digits) and prices in fen.
 * Run once with `npx tsx scripts/make-catalogue.ts`; the JSON is committed.
 */
import { writeFileSync } from 'node:fs';
import { ean13CheckDigit } from '../shared/codes';

const goods: [string, number, string][] = [
  ['农夫山泉饮用天然水 550ml', 200, '瓶'],
  ['怡宝纯净水 555ml', 200, '瓶'],
  ['可口可乐 500ml', 350, '瓶'],
  ['百事可乐 330ml 罐装', 300, '罐'],
  ['康师傅冰红茶 500ml', 350, '瓶'],
  ['统一阿萨姆奶茶 500ml', 450, '瓶'],
  ['王老吉凉茶 310ml', 450, '罐'],
  ['加多宝凉茶 310ml', 450, '罐'],
  ['红牛维生素功能饮料 250ml', 650, '罐'],
  ['元气森林白桃味苏打气泡水 480ml', 550, '瓶'],
  ['伊利纯牛奶 250ml', 350, '盒'],
  ['蒙牛特仑苏纯牛奶 250ml', 550, '盒'],
  ['光明莫斯利安酸奶 200g', 650, '盒'],
  ['养乐多活菌型乳酸菌饮品 5×100ml', 1250, '排'],
  ['旺仔牛奶 245ml', 450, '罐'],
  ['康师傅红烧牛肉面 105g', 450, '桶'],
  ['统一老坛酸菜牛肉面 121g', 450, '桶'],
  ['今麦郎一菜一面 香辣牛肉味', 500, '桶'],
  ['白象汤好喝老母鸡汤面', 550, '桶'],
  ['乐事薯片 美国经典原味 70g', 750, '袋'],
  ['上好佳鲜虾片 40g', 350, '袋'],
  ['旺旺雪饼 84g', 600, '袋'],
  ['奥利奥夹心饼干 原味 97g', 690, '盒'],
  ['好丽友巧克力派 6枚装', 1290, '盒'],
  ['德芙丝滑牛奶巧克力 43g', 890, '块'],
  ['大白兔奶糖 114g', 1100, '袋'],
  ['绿箭薄荷口香糖 5片装', 250, '条'],
  ['三只松鼠每日坚果 25g', 550, '袋'],
  ['良品铺子猪肉脯 100g', 2590, '袋'],
  ['卫龙大面筋辣条 102g', 550, '袋'],
  ['双汇王中王火腿肠 30g×10', 1590, '袋'],
  ['金龙鱼东北大米 5kg', 3990, '袋'],
  ['福临门黄金产地玉米油 1.8L', 2990, '桶'],
  ['海天金标生抽 500ml', 990, '瓶'],
  ['老干妈风味豆豉油制辣椒 280g', 1090, '瓶'],
  ['李锦记蚝油 510g', 1390, '瓶'],
  ['太太乐鸡精 200g', 990, '袋'],
  ['中盐加碘精制盐 400g', 250, '袋'],
  ['恒顺镇江香醋 500ml', 890, '瓶'],
  ['思念三鲜水饺 500g', 1590, '袋'],
  ['湾仔码头玉米猪肉水饺 720g', 3290, '袋'],
  ['三全汤圆 黑芝麻 500g', 1290, '袋'],
  ['桃李醇熟切片面包 400g', 990, '袋'],
  ['维达超韧抽纸 3层100抽×6包', 2590, '提'],
  ['清风原木纯品卷纸 10卷', 3290, '提'],
  ['心相印湿巾 80片', 1590, '包'],
  ['蓝月亮深层洁净洗衣液 1kg', 2990, '瓶'],
  ['立白天然皂粉 1.3kg', 2590, '袋'],
  ['白猫洗洁精 1.5kg', 1290, '瓶'],
  ['云南白药牙膏 留兰香型 150g', 2990, '支'],
  ['高露洁全面防蛀牙膏 140g', 1490, '支'],
  ['舒肤佳纯白清香型香皂 125g', 590, '块'],
  ['海飞丝去屑洗发水 400ml', 4990, '瓶'],
  ['六神花露水 195ml', 1390, '瓶'],
  ['南孚碱性电池 5号 4粒装', 1990, '板'],
  ['晨光中性笔 0.5mm 黑色', 250, '支'],
  ['得力A4复印纸 70g 500张', 2990, '包'],
  ['青岛啤酒经典 500ml', 600, '罐'],
  ['雪花啤酒勇闯天涯 500ml', 550, '罐'],
  ['红星二锅头 56度 100ml', 800, '瓶'],
  ['鲜鸡蛋 10枚装', 1590, '盒'],
  ['香蕉 (约500g)', 690, '份'],
];

/** Category by position in the list above (饮料 first, …). */
const CATEGORIES: [number, string][] = [
  [15, '饮料乳品'],
  [31, '休闲食品'],
  [43, '粮油调味'],
  [57, '日化百货'],
  [61, '酒水'],
  [99, '生鲜'],
];
const category = (i: number) => CATEGORIES.find(([last]) => i < last)?.[1] ?? '';

// One manufacturer code per group of goods keeps the barcodes plausible; item codes are sequential.
const products: {
  barcode: string;
  name: string;
  priceFen: number;
  unit: string;
  category: string;
  plu?: string;
}[] = goods.map(([name, priceFen, unit], i) => {
  const first12 = `69${String(21000 + Math.floor(i / 10) * 37).padStart(5, '0')}${String(10000 + i * 7).slice(-5)}`;
  return {
    barcode: `${first12}${ean13CheckDigit(first12)}`,
    name,
    priceFen,
    unit,
    category: category(i),
  };
});

// Weighed goods (称重): the shop's own item code, priced per 千克 or 斤, on the scale by PLU.
const weighed: [string, number, string][] = [
  ['五花肉', 2580, '千克'],
  ['小白菜', 399, '斤'],
  ['红富士苹果', 1280, '千克'],
  ['散装东北大米', 598, '千克'],
];
weighed.forEach(([name, priceFen, unit], i) =>
  products.push({
    barcode: String(10001 + i),
    name,
    priceFen,
    unit,
    category: '生鲜称重',
    plu: String(i + 1),
  }),
);

writeFileSync(
  new URL('../resources/catalogue.json', import.meta.url),
  `${JSON.stringify(products, null, 2)}\n`,
);
console.log(`wrote ${products.length} products`);

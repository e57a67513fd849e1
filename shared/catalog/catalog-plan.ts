/**
 * What a demo supermarket sells: categories, and within each a few product lines whose variants and pack sizes
 * belong together (no "Shampoo Carrot & potato"). All brand names are invented for Kassa. Prices are euro cents
 * for a pack with factor 1; other packs scale from there.
 */
import type { TaxClass } from '../model';

export interface PackSize {
  label: string;
  /** Price multiplier against the line's base price. */
  factor: number;
}

export interface ProductLine {
  nouns: readonly string[];
  /** '' is the plain product. */
  variants: readonly string[];
  sizes: readonly PackSize[];
  /** Base price range in cents for a factor-1 pack. */
  price: readonly [number, number];
  /** Defaults to the category's brands. */
  brands?: readonly string[];
  /** Some of the line is also sold loose by weight (unit 'kg'), priced per kg. */
  loose?: { share: number; kgPrice: readonly [number, number] };
}

export interface CategoryPlan {
  /** Three letters: the SKU prefix, and the stable part of the category id. */
  code: string;
  name: string;
  color: string;
  /** Relative share of the catalog. */
  weight: number;
  taxClass: TaxClass;
  brands: readonly string[];
  lines: readonly ProductLine[];
  /** Prices are exactly base × factor (gift cards), not shop-style prices ending in 9. */
  exactPrices?: boolean;
  /** One is picked as the start of each product's description. */
  blurbs: readonly string[];
}

const size = (label: string, factor: number): PackSize => ({ label, factor });
const packs = (...labels: [string, number][]): PackSize[] => labels.map(([label, factor]) => size(label, factor));

/** Where loose produce comes from; named instead of a brand on products sold by weight. */
export const ORIGINS = ['Local farm', 'Regional', 'Organic', 'Greenhouse', 'Orchard', 'Market garden'] as const;

export const CATEGORY_PLANS: readonly CategoryPlan[] = [
  {
    code: 'FRU', name: 'Fruit', color: '#E4572E', weight: 3, taxClass: 'reduced',
    brands: ['Sunnywick', 'Orchard Lane', 'Valderra', 'Greenhollow'],
    lines: [
      { nouns: ['Apples', 'Pears'], variants: ['', 'Elstar', 'Braeburn', 'Gala', 'Conference', 'Red', 'Organic'],
        sizes: packs(['1 kg', 1], ['1.5 kg', 1.4], ['6 pcs', 0.9]), price: [179, 329], loose: { share: 0.5, kgPrice: [199, 399] } },
      { nouns: ['Bananas', 'Oranges', 'Mandarins', 'Lemons', 'Kiwis'], variants: ['', 'Organic', 'Fairtrade', 'Juicy', 'Seedless'],
        sizes: packs(['500 g', 0.6], ['1 kg', 1], ['2 kg', 1.8], ['6 pcs', 0.8]), price: [149, 299], loose: { share: 0.4, kgPrice: [149, 349] } },
      { nouns: ['Strawberries', 'Blueberries', 'Raspberries', 'Grapes', 'Cherries'], variants: ['', 'Organic', 'Sweet', 'Seedless', 'Early harvest'],
        sizes: packs(['125 g', 0.5], ['250 g', 1], ['500 g', 1.8]), price: [199, 399], loose: { share: 0.15, kgPrice: [499, 1299] } },
    ],
    blurbs: ['Picked ripe and packed the same day.', 'Crisp, sweet and full of flavour.', 'Washed and ready to eat.'],
  },
  {
    code: 'VEG', name: 'Vegetables', color: '#4C9F38', weight: 3, taxClass: 'reduced',
    brands: ['Greenhollow', 'Fieldmark', 'Earthen Row', 'Valderra'],
    lines: [
      { nouns: ['Potatoes', 'Sweet potatoes'], variants: ['', 'Waxy', 'Floury', 'Baby', 'Organic'],
        sizes: packs(['1 kg', 1], ['2.5 kg', 2], ['5 kg', 3.4]), price: [129, 249], loose: { share: 0.4, kgPrice: [99, 299] } },
      { nouns: ['Tomatoes', 'Peppers', 'Cucumbers', 'Courgettes'], variants: ['', 'Cherry', 'Vine', 'Red', 'Yellow', 'Mini', 'Organic'],
        sizes: packs(['250 g', 0.6], ['500 g', 1], ['1 kg', 1.8], ['3 pcs', 1.1]), price: [129, 299], loose: { share: 0.5, kgPrice: [199, 599] } },
      { nouns: ['Carrots', 'Onions', 'Leeks', 'Beetroot', 'Broccoli', 'Cauliflower', 'Mushrooms'], variants: ['', 'Organic', 'Red', 'Baby', 'Cooked'],
        sizes: packs(['250 g', 0.6], ['500 g', 1], ['1 kg', 1.7]), price: [89, 249], loose: { share: 0.5, kgPrice: [129, 799] } },
    ],
    blurbs: ['Grown in the open field.', 'Firm and fresh, for cooking or raw.', 'Harvested this week.'],
  },
  {
    code: 'HRB', name: 'Herbs & salads', color: '#7DBB42', weight: 1, taxClass: 'reduced',
    brands: ['Greenhollow', 'Leafworks', 'Fieldmark'],
    lines: [
      { nouns: ['Basil', 'Parsley', 'Chives', 'Mint', 'Coriander', 'Thyme', 'Rosemary'], variants: ['', 'Potted', 'Cut', 'Organic'],
        sizes: packs(['25 g', 0.7], ['1 pot', 1]), price: [99, 229] },
      { nouns: ['Rocket', 'Lamb\u2019s lettuce', 'Mixed salad', 'Baby spinach', 'Iceberg lettuce', 'Romaine hearts'], variants: ['', 'Washed', 'Organic', 'Crunchy'],
        sizes: packs(['100 g', 0.8], ['125 g', 1], ['200 g', 1.5], ['1 pc', 0.9]), price: [99, 199] },
    ],
    blurbs: ['Cut fresh for the table.', 'Washed and ready to serve.'],
  },
  {
    code: 'BRD', name: 'Bread', color: '#C98B3F', weight: 2, taxClass: 'reduced',
    brands: ['Bakehouse Brenner', 'Oven & Stone', 'Mill Street', 'Kornfeld'],
    lines: [
      { nouns: ['Sourdough loaf', 'Rye bread', 'Wholemeal loaf', 'Spelt bread', 'Farmhouse loaf'], variants: ['', 'Seeded', 'Rustic', 'Sunflower', 'Multigrain', 'Sliced'],
        sizes: packs(['500 g', 1], ['750 g', 1.35], ['1 kg', 1.7]), price: [179, 349] },
      { nouns: ['Bread rolls', 'Pretzel rolls', 'Baguette', 'Ciabatta', 'Toast bread', 'Flatbread'], variants: ['', 'Wholegrain', 'Light', 'Stone-baked', 'Bake at home'],
        sizes: packs(['1 pc', 0.5], ['4 pcs', 1], ['6 pcs', 1.4], ['500 g', 1.2]), price: [99, 249] },
    ],
    blurbs: ['Baked every morning.', 'A crisp crust and a soft crumb.', 'Made with a long, slow rise.'],
  },
  {
    code: 'PAS', name: 'Pastries & cakes', color: '#E0A458', weight: 1.5, taxClass: 'reduced',
    brands: ['Bakehouse Brenner', 'Sweetcorner', 'Oven & Stone'],
    lines: [
      { nouns: ['Croissants', 'Cinnamon buns', 'Muffins', 'Donuts', 'Danish pastries', 'Pain au chocolat'], variants: ['', 'Butter', 'Chocolate', 'Vanilla', 'Raspberry', 'Almond'],
        sizes: packs(['1 pc', 0.5], ['2 pcs', 1], ['4 pcs', 1.8]), price: [99, 249] },
      { nouns: ['Cheesecake', 'Marble cake', 'Apple strudel', 'Brownies', 'Carrot cake'], variants: ['', 'Classic', 'Chocolate', 'Poppy seed', 'Family size'],
        sizes: packs(['1 slice', 0.4], ['400 g', 1], ['800 g', 1.8]), price: [249, 499] },
    ],
    blurbs: ['Fresh from our bakery counter.', 'A treat for coffee time.'],
  },
  {
    code: 'MLK', name: 'Milk & cream', color: '#5DA9E9', weight: 1.5, taxClass: 'reduced',
    brands: ['Alpenweide', 'Meadowvale', 'Nordholm', 'Clover Hill'],
    lines: [
      { nouns: ['Milk'], variants: ['Whole 3.5%', 'Semi-skimmed 1.5%', 'Skimmed', 'Lactose-free', 'Organic', 'Fresh pasture'],
        sizes: packs(['500 ml', 0.6], ['1 L', 1], ['1.5 L', 1.4]), price: [99, 169] },
      { nouns: ['Oat drink', 'Soy drink', 'Almond drink'], variants: ['', 'Barista', 'Unsweetened', 'Organic', 'Calcium'],
        sizes: packs(['1 L', 1]), price: [129, 249] },
      { nouns: ['Whipping cream', 'Sour cream', 'Crème fraîche', 'Buttermilk', 'Kefir'], variants: ['', 'Organic', 'Light', 'Natural'],
        sizes: packs(['200 g', 1], ['500 ml', 1.7]), price: [59, 149] },
    ],
    blurbs: ['From cows grazing on open pasture.', 'Keep refrigerated below 7 °C.', 'Rich and creamy.'],
  },
  {
    code: 'CHS', name: 'Cheese', color: '#F2C14E', weight: 2, taxClass: 'reduced',
    brands: ['Alpenweide', 'Käserei Berghof', 'Nordholm', 'Old Cellar'],
    lines: [
      { nouns: ['Gouda', 'Emmental', 'Cheddar', 'Mountain cheese', 'Edam', 'Tilsiter'], variants: ['', 'Mild', 'Mature', 'Extra mature', 'Sliced', 'Grated', 'Smoked'],
        sizes: packs(['150 g', 0.75], ['200 g', 1], ['400 g', 1.8]), price: [179, 399], loose: { share: 0.15, kgPrice: [990, 2490] } },
      { nouns: ['Brie', 'Camembert', 'Mozzarella', 'Feta', 'Halloumi', 'Goat\u2019s cheese', 'Parmesan'], variants: ['', 'Light', 'Herb', 'Organic', 'Classic'],
        sizes: packs(['125 g', 0.7], ['200 g', 1], ['250 g', 1.2]), price: [129, 349] },
      { nouns: ['Cream cheese', 'Cottage cheese'], variants: ['', 'Natural', 'Herbs', 'Chives', 'Light'],
        sizes: packs(['175 g', 0.8], ['200 g', 1], ['300 g', 1.4]), price: [99, 199] },
    ],
    blurbs: ['Matured with patience.', 'Cut fresh at the cheese counter.', 'Made from pasteurised milk.'],
  },
  {
    code: 'YOG', name: 'Yoghurt & desserts', color: '#9BC1E6', weight: 1.5, taxClass: 'reduced',
    brands: ['Meadowvale', 'Clover Hill', 'Spoonful', 'Nordholm'],
    lines: [
      { nouns: ['Yoghurt', 'Greek yoghurt', 'Skyr', 'Quark'], variants: ['', 'Natural', 'Strawberry', 'Vanilla', 'Cherry', 'Peach', 'Low fat'],
        sizes: packs(['150 g', 0.5], ['500 g', 1], ['4 × 125 g', 1.2]), price: [99, 229] },
      { nouns: ['Pudding', 'Rice pudding', 'Panna cotta', 'Chocolate mousse'], variants: ['', 'Vanilla', 'Chocolate', 'Caramel', 'Cinnamon'],
        sizes: packs(['125 g', 0.5], ['4 × 125 g', 1]), price: [149, 279] },
    ],
    blurbs: ['Smooth and creamy.', 'With live cultures.', 'Keep refrigerated.'],
  },
  {
    code: 'BUT', name: 'Butter & eggs', color: '#F6D55C', weight: 1, taxClass: 'reduced',
    brands: ['Alpenweide', 'Henhouse Green', 'Meadowvale'],
    lines: [
      { nouns: ['Butter', 'Spreadable butter', 'Margarine', 'Ghee'], variants: ['', 'Salted', 'Unsalted', 'Cultured', 'Organic'],
        sizes: packs(['250 g', 1], ['500 g', 1.9]), price: [149, 299] },
      { nouns: ['Free-range eggs', 'Barn eggs', 'Organic eggs'], variants: ['Size M', 'Size L', 'Mixed sizes'],
        sizes: packs(['6 pcs', 1], ['10 pcs', 1.6]), price: [149, 299] },
    ],
    blurbs: ['A kitchen staple.', 'From farms we know by name.'],
  },
  {
    code: 'MEA', name: 'Meat & poultry', color: '#C0392B', weight: 2, taxClass: 'reduced',
    brands: ['Hofgut Lindner', 'Butcher\u2019s Block', 'Greenpasture'],
    lines: [
      { nouns: ['Chicken breast', 'Chicken thighs', 'Turkey escalope', 'Beef steak', 'Pork chops', 'Lamb chops', 'Beef mince'], variants: ['', 'Free-range', 'Organic', 'Marinated', 'Lean'],
        sizes: packs(['300 g', 0.8], ['400 g', 1], ['500 g', 1.2], ['1 kg', 2.2]), price: [399, 899], loose: { share: 0.25, kgPrice: [799, 3499] } },
      { nouns: ['Sausages', 'Bratwurst', 'Meatballs', 'Burgers'], variants: ['', 'Classic', 'Herb', 'Spicy', 'Cheese'],
        sizes: packs(['4 pcs', 0.8], ['6 pcs', 1], ['400 g', 1]), price: [249, 549] },
    ],
    blurbs: ['From animals raised in the region.', 'Cook thoroughly before eating.'],
  },
  {
    code: 'FSH', name: 'Fish & seafood', color: '#2E86AB', weight: 1, taxClass: 'reduced',
    brands: ['North Sea Catch', 'Tidewater', 'Harbour Fresh'],
    lines: [
      { nouns: ['Salmon fillet', 'Cod fillet', 'Trout fillet', 'Pollock fillet', 'Tuna steak'], variants: ['', 'Wild', 'Skin-on', 'Skinless', 'MSC'],
        sizes: packs(['125 g', 0.5], ['250 g', 1], ['400 g', 1.5]), price: [399, 899], loose: { share: 0.2, kgPrice: [1299, 3999] } },
      { nouns: ['Smoked salmon', 'Herring fillets', 'Prawns', 'Mussels'], variants: ['', 'In dill marinade', 'Peeled', 'Cooked', 'Hot smoked'],
        sizes: packs(['100 g', 0.7], ['200 g', 1], ['1 kg', 3.8]), price: [299, 699] },
    ],
    blurbs: ['From certified sustainable fisheries.', 'Keep chilled and eat soon.'],
  },
  {
    code: 'DEL', name: 'Deli & cold cuts', color: '#D35269', weight: 1.5, taxClass: 'reduced',
    brands: ['Hofgut Lindner', 'Salumeria Fosca', 'Butcher\u2019s Block', 'Deli Verde'],
    lines: [
      { nouns: ['Cooked ham', 'Smoked ham', 'Salami', 'Turkey slices', 'Mortadella', 'Pastrami', 'Chorizo'], variants: ['', 'Thin cut', 'Spicy', 'Garlic', 'Reduced salt'],
        sizes: packs(['80 g', 0.6], ['100 g', 0.75], ['150 g', 1], ['250 g', 1.5]), price: [149, 349], loose: { share: 0.2, kgPrice: [1190, 3990] } },
      { nouns: ['Hummus', 'Olives', 'Antipasti', 'Liver pâté', 'Potato salad'], variants: ['', 'Classic', 'Green', 'Kalamata', 'Roasted pepper'],
        sizes: packs(['150 g', 0.8], ['200 g', 1], ['400 g', 1.7]), price: [129, 299] },
    ],
    blurbs: ['Sliced to order at the deli counter.', 'Great on fresh bread.'],
  },
  {
    code: 'GRN', name: 'Pasta, rice & grains', color: '#D9A441', weight: 2, taxClass: 'reduced',
    brands: ['Casa Morelli', 'Golden Field', 'Riviera', 'Kornfeld'],
    lines: [
      { nouns: ['Spaghetti', 'Penne', 'Fusilli', 'Farfalle', 'Tagliatelle', 'Lasagne sheets', 'Egg noodles'], variants: ['', 'Wholewheat', 'Organic', 'Gluten-free', 'Durum wheat'],
        sizes: packs(['250 g', 0.6], ['500 g', 1], ['1 kg', 1.8]), price: [89, 229] },
      { nouns: ['Basmati rice', 'Jasmine rice', 'Risotto rice', 'Long grain rice', 'Couscous', 'Bulgur', 'Quinoa'], variants: ['', 'Organic', 'Quick cook', 'Wholegrain', 'Boil-in-bag'],
        sizes: packs(['500 g', 1], ['1 kg', 1.8], ['5 kg', 7.5]), price: [119, 299] },
    ],
    blurbs: ['A cupboard essential.', 'Cooks in minutes.'],
  },
  {
    code: 'CAN', name: 'Canned & jarred', color: '#A05C34', weight: 2, taxClass: 'reduced',
    brands: ['Casa Morelli', 'Pantry Gold', 'Riviera', 'Marlow & Sons'],
    lines: [
      { nouns: ['Chopped tomatoes', 'Passata', 'Tomato purée'], variants: ['', 'With basil', 'Organic', 'Italian style'],
        sizes: packs(['400 g', 1], ['700 g', 1.6], ['3 × 400 g', 2.6]), price: [59, 149] },
      { nouns: ['Chickpeas', 'Kidney beans', 'Lentils', 'Sweetcorn', 'Peas & carrots', 'Green beans'], variants: ['', 'No added salt', 'Organic', 'In water'],
        sizes: packs(['200 g', 0.7], ['400 g', 1], ['800 g', 1.7]), price: [69, 169] },
      { nouns: ['Tuna', 'Sardines', 'Mackerel fillets'], variants: ['In brine', 'In olive oil', 'In tomato sauce', 'In sunflower oil'],
        sizes: packs(['120 g', 0.8], ['3 × 80 g', 1.8]), price: [129, 249] },
      { nouns: ['Pickled gherkins', 'Sauerkraut', 'Red cabbage', 'Peach halves', 'Pineapple rings', 'Coconut milk'], variants: ['', 'Classic', 'Light', 'In juice'],
        sizes: packs(['400 ml', 0.8], ['720 ml', 1]), price: [99, 229] },
    ],
    blurbs: ['Keeps for months in the cupboard.', 'Ready to heat and serve.'],
  },
  {
    code: 'SAU', name: 'Sauces & condiments', color: '#B23A48', weight: 1.5, taxClass: 'reduced',
    brands: ['Marlow & Sons', 'Casa Morelli', 'Pantry Gold', 'Spicebridge'],
    lines: [
      { nouns: ['Ketchup', 'Mayonnaise', 'Mustard', 'Barbecue sauce', 'Hot sauce', 'Salad dressing'], variants: ['', 'Classic', 'Medium hot', 'Light', 'Smoky', 'Garlic'],
        sizes: packs(['250 ml', 0.8], ['500 ml', 1], ['875 ml', 1.6]), price: [129, 299] },
      { nouns: ['Pesto', 'Pasta sauce'], variants: ['Basil', 'Tomato & basil', 'Arrabbiata', 'Bolognese', 'Rosso'],
        sizes: packs(['190 g', 0.7], ['400 g', 1]), price: [179, 349] },
      { nouns: ['Olive oil', 'Sunflower oil', 'Rapeseed oil', 'Balsamic vinegar', 'Cider vinegar'], variants: ['', 'Extra virgin', 'Organic', 'Cold pressed', 'Aged'],
        sizes: packs(['500 ml', 0.6], ['750 ml', 0.85], ['1 L', 1]), price: [249, 799] },
      { nouns: ['Sea salt', 'Black pepper', 'Paprika', 'Curry powder', 'Mixed herbs', 'Cinnamon'], variants: ['', 'Ground', 'Grinder', 'Smoked', 'Organic'],
        sizes: packs(['40 g', 0.8], ['100 g', 1]), price: [99, 299] },
    ],
    blurbs: ['Adds flavour to any dish.', 'A family recipe.'],
  },
  {
    code: 'BAK', name: 'Baking & flour', color: '#C8B27D', weight: 1, taxClass: 'reduced',
    brands: ['Golden Field', 'Mill Street', 'Sweetcorner'],
    lines: [
      { nouns: ['Wheat flour', 'Spelt flour', 'Rye flour'], variants: ['', 'Type 405', 'Type 550', 'Wholemeal', 'Organic'],
        sizes: packs(['1 kg', 1], ['2.5 kg', 2.2]), price: [69, 249] },
      { nouns: ['Sugar', 'Brown sugar', 'Icing sugar'], variants: ['', 'Fine', 'Organic', 'Cane'],
        sizes: packs(['500 g', 0.6], ['1 kg', 1]), price: [99, 249] },
      { nouns: ['Baking powder', 'Dry yeast', 'Vanilla sugar', 'Cocoa powder', 'Ground almonds', 'Chocolate chips'], variants: ['', 'Organic', 'Bourbon', 'Dark'],
        sizes: packs(['3 sachets', 0.5], ['100 g', 1], ['200 g', 1.8]), price: [79, 249] },
    ],
    blurbs: ['For baking at home.', 'Milled from selected grain.'],
  },
  {
    code: 'BRK', name: 'Breakfast & cereals', color: '#F29E4C', weight: 1.5, taxClass: 'reduced',
    brands: ['Morning Meadow', 'Golden Field', 'Crunchwell'],
    lines: [
      { nouns: ['Muesli', 'Granola', 'Porridge oats', 'Cornflakes', 'Bran flakes', 'Choco pops'], variants: ['', 'Fruit & nut', 'No added sugar', 'Honey', 'Crunchy', 'Berry'],
        sizes: packs(['375 g', 0.8], ['500 g', 1], ['750 g', 1.4], ['1 kg', 1.8]), price: [149, 399] },
      { nouns: ['Crispbread', 'Rusks', 'Rice cakes', 'Pancake mix'], variants: ['', 'Wholegrain', 'Sesame', 'Classic', 'Light'],
        sizes: packs(['125 g', 0.7], ['250 g', 1]), price: [129, 279] },
    ],
    blurbs: ['A good start to the day.', 'With whole grains.'],
  },
  {
    code: 'COF', name: 'Coffee & tea', color: '#6F4E37', weight: 1.5, taxClass: 'reduced',
    brands: ['Rosterei Kaffeewerk', 'Highland Leaf', 'Casa Morelli', 'Bean & Kettle'],
    lines: [
      { nouns: ['Ground coffee', 'Coffee beans', 'Espresso beans', 'Instant coffee', 'Coffee pods'], variants: ['', 'Mild roast', 'Medium roast', 'Dark roast', 'Decaf', 'Fairtrade'],
        sizes: packs(['10 pods', 0.6], ['250 g', 1], ['500 g', 1.8], ['1 kg', 3.2]), price: [299, 649] },
      { nouns: ['Black tea', 'Green tea', 'Herbal tea', 'Peppermint tea', 'Chamomile tea', 'Rooibos', 'Fruit tea'], variants: ['', 'Earl Grey', 'English breakfast', 'Organic', 'Lemon & ginger'],
        sizes: packs(['20 bags', 1], ['40 bags', 1.8], ['100 g loose', 1.5]), price: [149, 349] },
    ],
    blurbs: ['Carefully roasted in small batches.', 'Sourced from family growers.'],
  },
  {
    code: 'SPR', name: 'Spreads & honey', color: '#E9B949', weight: 1, taxClass: 'reduced',
    brands: ['Beeline', 'Sweetcorner', 'Marlow & Sons'],
    lines: [
      { nouns: ['Honey'], variants: ['Blossom', 'Forest', 'Acacia', 'Creamy', 'Organic'],
        sizes: packs(['250 g', 0.6], ['500 g', 1]), price: [399, 699] },
      { nouns: ['Strawberry jam', 'Apricot jam', 'Cherry jam', 'Orange marmalade'], variants: ['', 'Extra', 'Reduced sugar', 'Organic'],
        sizes: packs(['250 g', 0.7], ['450 g', 1]), price: [179, 349] },
      { nouns: ['Hazelnut spread', 'Peanut butter'], variants: ['', 'Creamy', 'Crunchy', 'Organic', 'No palm oil'],
        sizes: packs(['350 g', 0.8], ['450 g', 1], ['750 g', 1.5]), price: [229, 449] },
    ],
    blurbs: ['Lovely on warm toast.', 'A breakfast table favourite.'],
  },
  {
    code: 'FRZ', name: 'Frozen food', color: '#7EC8E3', weight: 2, taxClass: 'reduced',
    brands: ['Frostgarden', 'Polar Kitchen', 'Casa Morelli'],
    lines: [
      { nouns: ['Pizza', 'Flatbread pizza'], variants: ['Margherita', 'Salami', 'Four cheese', 'Vegetable', 'Tuna', 'Hawaii'],
        sizes: packs(['1 pc', 1], ['2 pcs', 1.8]), price: [199, 399] },
      { nouns: ['Spinach', 'Mixed vegetables', 'Peas', 'Broccoli florets', 'Mixed berries', 'Raspberries'], variants: ['', 'Organic', 'Leaf', 'Garden'],
        sizes: packs(['300 g', 0.7], ['450 g', 1], ['750 g', 1.5], ['1 kg', 1.9]), price: [149, 349] },
      { nouns: ['Fish fingers', 'French fries', 'Chicken nuggets', 'Veggie burgers', 'Dumplings', 'Lasagne'], variants: ['', 'Crispy', 'Oven', 'Family pack', 'Classic'],
        sizes: packs(['400 g', 0.8], ['600 g', 1], ['1 kg', 1.5]), price: [229, 499] },
    ],
    blurbs: ['Frozen within hours to lock in freshness.', 'Store at −18 °C.'],
  },
  {
    code: 'ICE', name: 'Ice cream', color: '#F7A1C4', weight: 1, taxClass: 'reduced',
    brands: ['Polar Kitchen', 'Gelateria Nuvola', 'Frostgarden'],
    lines: [
      { nouns: ['Ice cream', 'Gelato', 'Frozen yoghurt'], variants: ['Vanilla', 'Chocolate', 'Strawberry', 'Salted caramel', 'Pistachio', 'Cookie dough'],
        sizes: packs(['500 ml', 0.7], ['900 ml', 1]), price: [299, 549] },
      { nouns: ['Ice lollies', 'Ice cream cones', 'Sorbet sticks'], variants: ['Lemon', 'Mango', 'Chocolate', 'Mixed', 'Raspberry'],
        sizes: packs(['4 pcs', 0.8], ['6 pcs', 1]), price: [249, 449] },
    ],
    blurbs: ['Creamy and indulgent.', 'Keep frozen.'],
  },
  {
    code: 'WAT', name: 'Water & soft drinks', color: '#3FA7D6', weight: 2, taxClass: 'standard',
    brands: ['Quellbrunn', 'Fizzwell', 'Alpine Spring', 'Citrona'],
    lines: [
      { nouns: ['Mineral water', 'Spring water'], variants: ['Still', 'Sparkling', 'Medium', 'Lemon'],
        sizes: packs(['0.5 L', 0.6], ['1.5 L', 1], ['6 × 1.5 L', 5]), price: [39, 89] },
      { nouns: ['Cola', 'Lemonade', 'Orange soda', 'Ginger ale', 'Tonic water', 'Iced tea'], variants: ['', 'Zero sugar', 'Classic', 'Peach', 'Cherry'],
        sizes: packs(['0.33 L', 0.6], ['0.5 L', 0.75], ['1 L', 1], ['1.5 L', 1.2]), price: [99, 199] },
      { nouns: ['Energy drink', 'Sports drink'], variants: ['', 'Sugar free', 'Tropical', 'Berry'],
        sizes: packs(['0.25 L', 1], ['0.5 L', 1.6]), price: [99, 179] },
    ],
    blurbs: ['Best served chilled.', 'Refreshing at any time of day.'],
  },
  {
    code: 'JUI', name: 'Juices', color: '#F28C28', weight: 1, taxClass: 'standard',
    brands: ['Citrona', 'Orchard Lane', 'Pressed Daily'],
    lines: [
      { nouns: ['Orange juice', 'Apple juice', 'Multivitamin juice', 'Grape juice', 'Cranberry juice'], variants: ['', 'With pulp', 'Not from concentrate', 'Cloudy', 'Organic'],
        sizes: packs(['0.2 L', 0.4], ['1 L', 1], ['1.5 L', 1.4]), price: [119, 299] },
      { nouns: ['Smoothie', 'Vegetable juice'], variants: ['Mango', 'Strawberry & banana', 'Green', 'Carrot', 'Tomato'],
        sizes: packs(['250 ml', 0.5], ['750 ml', 1]), price: [249, 399] },
    ],
    blurbs: ['Pressed from ripe fruit.', 'No added sugar.'],
  },
  {
    code: 'BER', name: 'Beer', color: '#D4A017', weight: 1.5, taxClass: 'standard',
    brands: ['Brauhaus Eichwald', 'Hopfenland', 'Old Quarry Brewing', 'Kellerbräu'],
    lines: [
      { nouns: ['Pilsner', 'Lager', 'Wheat beer', 'Pale ale', 'IPA', 'Dark beer', 'Stout', 'Radler', 'Alcohol-free beer'], variants: ['', 'Unfiltered', 'Export', 'Premium', 'Craft'],
        sizes: packs(['0.33 L', 0.8], ['0.5 L', 1], ['6 × 0.33 L', 4.6], ['20 × 0.5 L', 12]), price: [79, 199] },
    ],
    blurbs: ['Brewed to a traditional recipe.', 'Sale to persons over 16 only.'],
  },
  {
    code: 'WIN', name: 'Wine & spirits', color: '#7B2D43', weight: 1.5, taxClass: 'standard',
    brands: ['Château Lavande', 'Weingut Sonnhalde', 'Bodega del Cerro'],
    lines: [
      { nouns: ['Red wine', 'White wine', 'Rosé'], variants: ['', 'Dry', 'Semi-dry', 'Reserve', 'Riesling', 'Merlot', 'Pinot Noir', 'Tempranillo'],
        sizes: packs(['0.25 L', 0.4], ['0.75 L', 1], ['1 L', 1.3]), price: [399, 1299] },
      { nouns: ['Sparkling wine', 'Prosecco', 'Crémant'], variants: ['', 'Brut', 'Extra dry', 'Rosé'],
        sizes: packs(['0.2 L', 0.35], ['0.75 L', 1]), price: [499, 1499] },
      { nouns: ['Gin', 'Vodka', 'Whisky', 'Rum', 'Herbal liqueur'], variants: ['', 'Dry', 'Aged 8 years', 'Spiced', 'Small batch'],
        sizes: packs(['0.35 L', 0.55], ['0.7 L', 1]), price: [1199, 3499], brands: ['Highmoor Distillery', 'Black Ferry', 'Kräuterhof'] },
    ],
    blurbs: ['A fine bottle for the weekend.', 'Sale to persons over 18 only.'],
  },
  {
    code: 'SNK', name: 'Crisps & nuts', color: '#E07A5F', weight: 1.5, taxClass: 'reduced',
    brands: ['Crunchwell', 'Nutshack', 'Golden Field'],
    lines: [
      { nouns: ['Potato crisps', 'Tortilla chips', 'Pretzels', 'Popcorn'], variants: ['', 'Salted', 'Paprika', 'Sour cream & onion', 'Sea salt', 'Chilli', 'Sweet'],
        sizes: packs(['75 g', 0.5], ['150 g', 1], ['200 g', 1.25]), price: [99, 249] },
      { nouns: ['Peanuts', 'Cashews', 'Almonds', 'Trail mix', 'Pistachios'], variants: ['', 'Salted', 'Roasted', 'Honey roasted', 'Unsalted'],
        sizes: packs(['150 g', 0.7], ['200 g', 1], ['400 g', 1.8]), price: [179, 449] },
    ],
    blurbs: ['Perfect for sharing.', 'A crunchy snack.'],
  },
  {
    code: 'SWT', name: 'Chocolate & sweets', color: '#8E5B3F', weight: 2, taxClass: 'reduced',
    brands: ['Cacao Hoeve', 'Sweetcorner', 'Zuckerwerk', 'Praline Row'],
    lines: [
      { nouns: ['Milk chocolate', 'Dark chocolate', 'White chocolate'], variants: ['', 'Hazelnut', 'Sea salt', '70% cocoa', 'Caramel', 'Orange', 'Raisin & nut'],
        sizes: packs(['40 g', 0.4], ['100 g', 1], ['200 g', 1.8]), price: [99, 249] },
      { nouns: ['Gummy bears', 'Liquorice', 'Fruit gums', 'Mints', 'Chewing gum', 'Lollipops'], variants: ['', 'Sour', 'Sugar-free', 'Fruity', 'Classic'],
        sizes: packs(['100 g', 0.7], ['200 g', 1], ['300 g', 1.4]), price: [99, 199] },
      { nouns: ['Biscuits', 'Cookies', 'Wafers', 'Pralines'], variants: ['', 'Butter', 'Chocolate chip', 'Oat', 'Assorted'],
        sizes: packs(['150 g', 0.7], ['200 g', 1], ['400 g', 1.8]), price: [129, 349] },
    ],
    blurbs: ['A little something sweet.', 'Made with sustainably sourced cocoa.'],
  },
  {
    code: 'CLN', name: 'Cleaning', color: '#4D7EA8', weight: 1.5, taxClass: 'standard',
    brands: ['Brightline', 'Sauberhaus', 'Clearwater Home'],
    lines: [
      { nouns: ['Washing-up liquid', 'All-purpose cleaner', 'Glass cleaner', 'Bathroom cleaner', 'Floor cleaner'], variants: ['', 'Lemon', 'Ocean fresh', 'Eco', 'Lavender', 'Sensitive'],
        sizes: packs(['500 ml', 0.8], ['750 ml', 1], ['1 L', 1.25]), price: [129, 349] },
      { nouns: ['Laundry detergent', 'Laundry pods', 'Fabric softener', 'Dishwasher tabs'], variants: ['', 'Colour', 'Sensitive', 'Concentrated', 'Eco'],
        sizes: packs(['20 washes', 0.7], ['40 washes', 1], ['60 washes', 1.4]), price: [399, 999] },
      { nouns: ['Sponges', 'Cleaning cloths', 'Bin bags', 'Rubber gloves'], variants: ['', 'Heavy duty', 'Recycled', 'Large'],
        sizes: packs(['2 pcs', 0.7], ['5 pcs', 1], ['10 pcs', 1.6]), price: [129, 299] },
    ],
    blurbs: ['Tough on dirt, gentle on surfaces.', 'Keep out of reach of children.'],
  },
  {
    code: 'PAP', name: 'Paper & household', color: '#7A8B99', weight: 1, taxClass: 'standard',
    brands: ['Softfold', 'Sauberhaus', 'Homewise'],
    lines: [
      { nouns: ['Toilet paper', 'Kitchen roll', 'Tissues', 'Napkins'], variants: ['', '3-ply', 'Recycled', 'Extra soft', 'Value pack'],
        sizes: packs(['4 rolls', 0.6], ['8 rolls', 1], ['16 rolls', 1.8], ['10 packs', 0.5]), price: [249, 599] },
      { nouns: ['Aluminium foil', 'Cling film', 'Baking paper', 'Freezer bags'], variants: ['', 'Extra strong', 'Recycled', 'Wide'],
        sizes: packs(['10 m', 0.6], ['20 m', 1], ['30 pcs', 0.8]), price: [149, 349] },
      { nouns: ['LED bulb', 'Batteries AA', 'Batteries AAA', 'Tealights', 'Matches'], variants: ['', 'Warm white', 'Long life', 'Unscented'],
        sizes: packs(['1 pc', 0.5], ['4 pcs', 1], ['8 pcs', 1.7]), price: [149, 699] },
    ],
    blurbs: ['Everyday household essentials.', 'Made from responsibly sourced materials.'],
  },
  {
    code: 'PER', name: 'Personal care', color: '#9C6ADE', weight: 1.5, taxClass: 'standard',
    brands: ['Purely Skin', 'Lindenblüte', 'Freshmint', 'Aqua Vera'],
    lines: [
      { nouns: ['Shampoo', 'Conditioner', 'Shower gel', 'Hand soap', 'Body lotion'], variants: ['', 'Sensitive', 'Fresh', 'Aloe vera', 'For men', 'Coconut', 'Repair'],
        sizes: packs(['250 ml', 1], ['400 ml', 1.4], ['500 ml', 1.7]), price: [99, 399] },
      { nouns: ['Toothpaste', 'Mouthwash', 'Toothbrush', 'Dental floss'], variants: ['', 'Whitening', 'Sensitive', 'Fresh mint', 'Medium', 'Soft'],
        sizes: packs(['75 ml', 1], ['500 ml', 2.5], ['1 pc', 1], ['2 pcs', 1.7]), price: [99, 349] },
      { nouns: ['Deodorant', 'Sun cream', 'Razor blades', 'Cotton pads'], variants: ['', 'Unscented', 'SPF 30', 'SPF 50', 'For men'],
        sizes: packs(['50 ml', 0.7], ['150 ml', 1], ['4 pcs', 1.8], ['80 pcs', 0.4]), price: [199, 799] },
    ],
    blurbs: ['Dermatologically tested.', 'Cares for every day.'],
  },
  {
    code: 'BAB', name: 'Baby', color: '#E88EA3', weight: 0.75, taxClass: 'standard',
    brands: ['Little Sprout', 'Babywell', 'Purely Skin'],
    lines: [
      { nouns: ['Nappies', 'Pull-ups'], variants: ['Size 2', 'Size 3', 'Size 4', 'Size 5'],
        sizes: packs(['24 pcs', 0.5], ['44 pcs', 1], ['88 pcs', 1.8]), price: [599, 1299] },
      { nouns: ['Baby wipes', 'Baby shampoo', 'Nappy cream'], variants: ['', 'Sensitive', 'Fragrance free', 'Calendula'],
        sizes: packs(['64 pcs', 1], ['200 ml', 1.5]), price: [129, 299] },
      { nouns: ['Baby food jar', 'Baby porridge', 'Fruit pouch'], variants: ['Carrot & potato', 'Apple & pear', 'Banana', 'Vegetable risotto', 'Oat & apple'],
        sizes: packs(['90 g', 0.6], ['190 g', 1], ['250 g', 1.3]), price: [99, 249] },
    ],
    blurbs: ['Gentle for little ones.', 'Tested with paediatricians.'],
  },
  {
    code: 'PET', name: 'Pet food', color: '#8AA29E', weight: 1, taxClass: 'standard',
    brands: ['Happy Paws', 'Whiskerly', 'Farmdog'],
    lines: [
      { nouns: ['Dog food', 'Cat food'], variants: ['Chicken', 'Beef', 'Salmon', 'Lamb', 'Senior', 'Junior', 'Grain-free'],
        sizes: packs(['85 g', 0.1], ['400 g', 0.3], ['2 kg', 1], ['10 kg', 3.8]), price: [499, 899] },
      { nouns: ['Dog treats', 'Cat snacks', 'Chew sticks'], variants: ['', 'Chicken', 'Dental', 'Duck'],
        sizes: packs(['60 g', 0.6], ['150 g', 1]), price: [129, 299] },
      { nouns: ['Cat litter', 'Bird seed'], variants: ['', 'Clumping', 'Unscented', 'Wild bird'],
        sizes: packs(['1 kg', 0.3], ['5 L', 0.6], ['10 L', 1]), price: [399, 899] },
    ],
    blurbs: ['Complete food for healthy pets.', 'With vitamins and minerals.'],
  },
  {
    code: 'NEW', name: 'Newspapers & magazines', color: '#5C6B73', weight: 0.5, taxClass: 'reduced',
    brands: ['Daily Ledger', 'City Courier', 'Weekend Review', 'Home & Garden Monthly', 'Puzzle Corner'],
    lines: [
      { nouns: ['Newspaper', 'Magazine', 'Puzzle book', 'TV guide', 'Comic'], variants: ['', 'Weekend edition', 'Special issue', 'Regional edition'],
        sizes: packs(['', 1]), price: [199, 699] },
    ],
    blurbs: ['This week\u2019s issue.', 'News, features and puzzles.'],
  },
  {
    code: 'GFT', name: 'Gift cards', color: '#2A9D8F', weight: 0.1, taxClass: 'zero', exactPrices: true,
    brands: ['Kassa'],
    lines: [
      { nouns: ['Gift card'], variants: ['', 'Birthday', 'Thank you', 'Season\u2019s greetings'],
        sizes: packs(['10 EUR', 10], ['15 EUR', 15], ['25 EUR', 25], ['50 EUR', 50], ['100 EUR', 100]), price: [100, 100] },
    ],
    blurbs: ['Redeemable in any of our stores.', 'Valid for three years from purchase.'],
  },
];

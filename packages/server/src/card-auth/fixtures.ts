/** A fictional card holder of the local provider. Names and addresses are made up. */
export interface CardHolder {
  id: string;
  /** Family and given name, separated by a full-width space, as on the card. */
  name: string;
  /** The standard OpenID Connect address claim. */
  address: { postal_code: string; region: string; locality: string; street_address: string };
  birthdate: string;
  gender: 'male' | 'female';
}

/** The local provider's card holders (fictional). */
export const cardHolders: readonly CardHolder[] = [
  {
    id: 'holder-1',
    name: '窓口　花子',
    address: {
      postal_code: '1600023',
      region: '東京都',
      locality: 'みどり区',
      street_address: '西新宿二丁目8番1号',
    },
    birthdate: '1985-04-12',
    gender: 'female',
  },
  {
    id: 'holder-2',
    name: '試験　太郎',
    address: {
      postal_code: '1000001',
      region: '東京都',
      locality: 'みどり区',
      street_address: '千代田一丁目1番',
    },
    birthdate: '1972-11-03',
    gender: 'male',
  },
];

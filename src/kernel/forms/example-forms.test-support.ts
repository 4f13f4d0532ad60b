/**
 * Forms as the province's procedures define them, for the tests: birth registration (with the
 * linked residence registration and health insurance card of Decree 63/2024/NĐ-CP), and a
 * request for support after storm damage (typhoon Yagi, September 2024).
 */
import type { FormDefinition } from './form-definition';

const t = (vi: string, en: string) => ({ vi, en });

/** Letters and single spaces: "Nguyễn Thị Ánh". Shaped so it cannot backtrack badly. */
const PERSON_NAME = {
  regex: '\\p{L}+(?: \\p{L}+)*',
  message: t('Họ, chữ đệm và tên chỉ gồm chữ cái', 'Names contain letters only'),
};

export const birthRegistration: FormDefinition = {
  version: 1,
  sections: [
    {
      id: 'child',
      title: t('Người được khai sinh', 'The child'),
      fields: [
        {
          id: 'child_full_name',
          type: 'text',
          label: t('Họ, chữ đệm, tên', 'Full name'),
          required: true,
          minLength: 2,
          maxLength: 100,
          pattern: PERSON_NAME,
          personal: true,
        },
        {
          id: 'child_date_of_birth',
          type: 'date',
          label: t('Ngày, tháng, năm sinh', 'Date of birth'),
          required: true,
          max: 'today',
        },
        {
          id: 'child_sex',
          type: 'radio',
          label: t('Giới tính', 'Sex'),
          required: true,
          options: [
            { value: 'male', label: t('Nam', 'Male') },
            { value: 'female', label: t('Nữ', 'Female') },
          ],
        },
        {
          id: 'child_ethnicity',
          type: 'select',
          label: t('Dân tộc', 'Ethnic group'),
          required: true,
          options: [
            { value: 'kinh', label: t('Kinh', 'Kinh') },
            { value: 'tay', label: t('Tày', 'Tay') },
            { value: 'dao', label: t('Dao', 'Dao') },
            { value: 'san_diu', label: t('Sán Dìu', 'San Diu') },
          ],
        },
        {
          id: 'birth_weight_kg',
          type: 'number',
          label: t('Cân nặng khi sinh (kg)', 'Weight at birth (kg)'),
          min: 0.3,
          max: 7,
        },
        {
          id: 'place_of_birth_commune',
          type: 'commune',
          label: t('Nơi sinh (xã, phường, đặc khu)', 'Place of birth (commune)'),
          required: true,
        },
      ],
    },
    {
      id: 'parents',
      title: t('Cha, mẹ', 'Parents'),
      fields: [
        {
          id: 'mother_full_name',
          type: 'text',
          label: t('Họ, chữ đệm, tên người mẹ', "Mother's full name"),
          required: true,
          maxLength: 100,
          pattern: PERSON_NAME,
          personal: true,
        },
        {
          id: 'mother_citizen_id',
          type: 'citizen_id',
          label: t('Số định danh cá nhân của người mẹ', "Mother's personal identification number"),
          required: true,
          personal: true,
        },
        {
          id: 'father_full_name',
          type: 'text',
          label: t('Họ, chữ đệm, tên người cha', "Father's full name"),
          help: t('Bỏ trống nếu chưa xác định được cha', 'Leave empty if the father is not known'),
          maxLength: 100,
          pattern: PERSON_NAME,
          personal: true,
        },
        {
          id: 'father_citizen_id',
          type: 'citizen_id',
          label: t('Số định danh cá nhân của người cha', "Father's personal identification number"),
          required: { field: 'father_full_name', filled: true },
          showIf: { field: 'father_full_name', filled: true },
          personal: true,
        },
      ],
    },
    {
      id: 'applicant',
      title: t('Người đi đăng ký', 'The person registering'),
      fields: [
        {
          id: 'applicant_relationship',
          type: 'radio',
          label: t('Quan hệ với người được khai sinh', 'Relationship to the child'),
          required: true,
          options: [
            { value: 'parent', label: t('Cha hoặc mẹ', 'Father or mother') },
            { value: 'grandparent', label: t('Ông, bà', 'Grandparent') },
            { value: 'relative', label: t('Người thân thích khác', 'Other relative') },
            { value: 'authorised', label: t('Người được ủy quyền', 'Authorised person') },
          ],
        },
        {
          id: 'applicant_phone',
          type: 'phone',
          label: t('Số điện thoại', 'Phone number'),
          required: true,
          personal: true,
        },
        {
          id: 'applicant_email',
          type: 'email',
          label: t('Thư điện tử', 'E-mail'),
          personal: true,
        },
      ],
    },
    {
      id: 'applicant_not_parent',
      title: t('Người đi đăng ký không phải cha/mẹ', 'The person registering is not a parent'),
      showIf: {
        all: [
          { field: 'applicant_relationship', filled: true },
          { not: { field: 'applicant_relationship', equals: 'parent' } },
        ],
      },
      fields: [
        {
          id: 'applicant_full_name',
          type: 'text',
          label: t('Họ, chữ đệm, tên người đi đăng ký', 'Full name of the person registering'),
          required: true,
          maxLength: 100,
          pattern: PERSON_NAME,
          personal: true,
        },
        {
          id: 'applicant_citizen_id',
          type: 'citizen_id',
          label: t('Số định danh cá nhân', 'Personal identification number'),
          required: true,
          personal: true,
        },
        {
          id: 'authorisation_reference',
          type: 'text',
          label: t('Số, ngày văn bản ủy quyền', 'Number and date of the authorisation'),
          required: { field: 'applicant_relationship', equals: 'authorised' },
          maxLength: 200,
        },
      ],
    },
    {
      id: 'linked_services',
      title: t('Liên thông', 'Linked services'),
      fields: [
        {
          id: 'linked_services',
          type: 'checkboxes',
          label: t('Đề nghị giải quyết liên thông', 'Also request'),
          options: [
            { value: 'residence', label: t('Đăng ký thường trú', 'Permanent residence') },
            { value: 'health_insurance', label: t('Cấp thẻ BHYT', 'Health insurance card') },
            { value: 'extra_copies', label: t('Bản sao giấy khai sinh', 'Extra certified copies') },
          ],
        },
        {
          id: 'extra_copies_count',
          type: 'number',
          label: t('Số bản sao', 'Number of copies'),
          required: true,
          showIf: { field: 'linked_services', equals: 'extra_copies' },
          min: 1,
          max: 10,
        },
      ],
    },
    {
      id: 'declaration',
      title: t('Cam đoan', 'Declaration'),
      fields: [
        {
          id: 'declaration',
          type: 'checkbox',
          label: t(
            'Tôi cam đoan những nội dung khai trên đây là đúng sự thật và chịu trách nhiệm trước pháp luật về cam đoan của mình.',
            'I declare that the above is true and I am answerable before the law for this declaration.',
          ),
          required: true,
        },
      ],
    },
  ],
};

/** A mother registering her child, as the portal sends it. */
export function birthRegistrationByMother(): Record<string, unknown> {
  return {
    child_full_name: '  Nguyễn Thị Ánh Dương ',
    child_date_of_birth: '2025-03-14',
    child_sex: 'female',
    child_ethnicity: 'kinh',
    birth_weight_kg: '3.2',
    place_of_birth_commune: '06637',
    mother_full_name: 'Trần Thị Hoa',
    mother_citizen_id: '022190001234',
    father_full_name: 'Nguyễn Văn Nam',
    father_citizen_id: '022088005678',
    applicant_relationship: 'parent',
    applicant_phone: '0912 345 678',
    applicant_email: 'Hoa.Tran@Gmail.COM',
    linked_services: ['health_insurance', 'residence', 'health_insurance'],
    declaration: true,
  };
}

export const stormDamageSupport: FormDefinition = {
  version: 1,
  sections: [
    {
      id: 'household',
      title: t('Hộ gia đình', 'Household'),
      fields: [
        {
          id: 'head_full_name',
          type: 'text',
          label: t('Họ tên chủ hộ', 'Head of household'),
          required: true,
          maxLength: 100,
          personal: true,
        },
        {
          id: 'head_citizen_id',
          type: 'citizen_id',
          label: t('Số định danh cá nhân', 'Personal identification number'),
          required: true,
          personal: true,
        },
        {
          id: 'commune',
          type: 'commune',
          label: t('Xã, phường, đặc khu', 'Commune'),
          required: true,
        },
        {
          id: 'contact_phone',
          type: 'phone',
          label: t('Số điện thoại', 'Phone'),
          required: true,
          personal: true,
        },
        {
          id: 'contact_email',
          type: 'email',
          label: t('Thư điện tử', 'E-mail'),
          personal: true,
        },
        {
          id: 'poor_household',
          type: 'checkbox',
          label: t('Hộ nghèo, cận nghèo', 'Poor or near-poor household'),
        },
        {
          id: 'poor_household_certificate',
          type: 'text',
          label: t('Số giấy chứng nhận hộ nghèo', 'Poor household certificate number'),
          required: true,
          showIf: { field: 'poor_household', equals: true },
          maxLength: 30,
          pattern: {
            regex: '[A-Z0-9/-]+',
            message: t('Chữ in hoa, số, / và -', 'A–Z, 0–9, / and -'),
          },
        },
      ],
    },
    {
      id: 'damage',
      title: t('Thiệt hại', 'Damage'),
      fields: [
        {
          id: 'damage_date',
          type: 'date',
          label: t('Ngày bị thiệt hại', 'Date of the damage'),
          required: true,
          min: '2024-09-06',
          max: 'today',
        },
        {
          id: 'damage_kinds',
          type: 'checkboxes',
          label: t('Loại thiệt hại', 'Kinds of damage'),
          required: true,
          options: [
            { value: 'house', label: t('Nhà ở', 'House') },
            { value: 'crops', label: t('Cây trồng', 'Crops') },
            { value: 'aquaculture', label: t('Nuôi trồng thủy sản', 'Aquaculture') },
            { value: 'other', label: t('Khác', 'Other') },
          ],
        },
        {
          id: 'house_damage_level',
          type: 'select',
          label: t('Mức độ thiệt hại nhà ở', 'Damage to the house'),
          required: true,
          showIf: { field: 'damage_kinds', equals: 'house' },
          options: [
            { value: 'collapsed', label: t('Sập, đổ hoàn toàn', 'Collapsed') },
            { value: 'over_70', label: t('Hư hỏng trên 70%', 'Over 70% damaged') },
            { value: 'partial', label: t('Hư hỏng một phần', 'Partly damaged') },
          ],
        },
        {
          id: 'aquaculture_area_m2',
          type: 'number',
          label: t('Diện tích nuôi trồng bị thiệt hại (m²)', 'Aquaculture area damaged (m²)'),
          required: true,
          showIf: { field: 'damage_kinds', in: ['aquaculture'] },
          min: 1,
        },
        {
          id: 'estimated_loss_vnd',
          type: 'money',
          label: t('Ước tính thiệt hại (đồng)', 'Estimated loss (VND)'),
          required: true,
          min: 100_000,
          max: 10_000_000_000,
        },
        {
          id: 'damage_description',
          type: 'textarea',
          label: t('Mô tả thiệt hại', 'Description'),
          required: {
            any: [
              { field: 'damage_kinds', equals: 'other' },
              { field: 'estimated_loss_vnd', filled: true },
            ],
          },
          minLength: 10,
          maxLength: 2000,
        },
      ],
    },
    {
      id: 'declaration',
      title: t('Cam đoan', 'Declaration'),
      fields: [
        {
          id: 'declaration',
          type: 'checkbox',
          label: t('Tôi cam đoan thông tin trên là đúng sự thật.', 'I declare the above is true.'),
          required: true,
        },
      ],
    },
  ],
};

-- Facts over time: a committee membership whose end no source gives is "unknown after" the last day a
-- source confirms it (never extended to today); the 2025 reorganisation hands work over by function
-- (poverty reduction, vocational education, employment, grassroots information), not one successor
-- per ministry.

ALTER TABLE committee_member ADD COLUMN confirmed_until date;
ALTER TABLE committee_member ADD COLUMN note text;

-- A function (chức năng) of an ended agency and the agency that took it over, from a date, with its act.
-- function_code '*' is "everything else"; to_agency_id NULL means the act is known but the receiver is not.
CREATE TABLE agency_function_transfer (
  from_agency_id text NOT NULL REFERENCES agency (id),
  function_code  text NOT NULL,
  to_agency_id   text REFERENCES agency (id),
  on_date        date NOT NULL,
  instrument     text,
  fact_status    text NOT NULL,
  source         text,
  note           text,
  PRIMARY KEY (from_agency_id, function_code)
);

-- The function of a task's work (its project or sub-project), e.g. 'DA4.TDA1'; NULL: the program as a whole.
ALTER TABLE task ADD COLUMN project_code text;

-- Corrections of facts already loaded (the plan's seed loads its rows once; fresh databases get them from the seed).
UPDATE legal_instrument
   SET title = 'Về tiêu chí xác định huyện nghèo, xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo giai đoạn 2021 - 2025'
 WHERE number = '36/2021/QĐ-TTg' AND title = 'Quy định tiêu chí huyện nghèo, xã đặc biệt khó khăn vùng bãi ngang, ven biển và hải đảo giai đoạn 2021-2025';
UPDATE legal_instrument SET title = 'Thành lập Ban Chỉ đạo Trung ương các chương trình mục tiêu quốc gia giai đoạn 2021-2025'
 WHERE number = '1061/QĐ-TTg' AND title = 'Thành lập Ban Chỉ đạo Trung ương các chương trình mục tiêu quốc gia (kiện toàn)';
UPDATE task t
   SET basis_instrument_id = (SELECT id FROM legal_instrument WHERE number = '652/QĐ-TTg'),
       note = 'Nhiệm vụ do Quyết định 652/QĐ-TTg (28/05/2022) giao, theo Điều 6 Nghị định 27/2022/NĐ-CP; không phải nội dung của Quyết định 1705/QĐ-TTg (theo dõi tại đây cùng nhiệm vụ 2). Văn bản của từng tỉnh chưa có trong dữ liệu: cần cập nhật.'
 WHERE t.position = '2.1' AND t.basis_instrument_id IS NULL
   AND t.plan_id = (SELECT id FROM plan WHERE code = '1705/QĐ-TTg');
